import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { parseProcNetTcp } from '@tcpfleet/model';
import { PROC_TREE } from '../../test/fixtures';
import { SocketTable } from './socket_table';
import { failureText, TableReads, type TableFile } from './tables_linux';

const byteOrder = endianness() === 'LE' ? 'little' : 'big';

const file = (path: string, netns?: string): TableFile => ({
  path: join(PROC_TREE, path),
  name: path.endsWith('6') ? 'tcp6' : 'tcp',
  netns,
});

/** The sockets of one file as a whole read gives them, tagged as the table tags them. */
function parsed({ path, netns }: TableFile) {
  const table = new SocketTable();
  for (const socket of parseProcNetTcp(readFileSync(path, 'utf8'), { byteOrder }).sockets)
    table.add(socket, netns);
  return table.all();
}

describe('TableReads', () => {
  it('puts the file read now first, then the started ones in the order they were started', async () => {
    const sockets = new SocketTable();
    const reads = new TableReads(sockets, []);
    const container = file('21677/net/tcp6', '4026532200');
    const hostSix = file('net/tcp6');
    const host = file('net/tcp');
    expect(reads.start(container)).toBeUndefined();
    expect(reads.start(hostSix)).toBeUndefined();
    reads.readNow(host);
    await reads.finish();
    expect(reads.failures).toEqual([]);
    const expected = [...parsed(host), ...parsed(container), ...parsed(hostSix)];
    expect(sockets.all()).toEqual(expected);
    expect(sockets.all().filter((socket) => socket.netns === '4026532200')).toHaveLength(
      parsed(container).length,
    );
  });

  it('gives back a file it cannot open, and records one it cannot read now, each with its path', async () => {
    const reads = new TableReads(new SocketTable(), []);
    const missing = reads.start(file('net/udp'));
    expect(missing && failureText(missing)).toMatch(/^cannot read .*net\/udp: .*ENOENT/);
    reads.readNow(file('net/udp6'));
    await reads.finish();
    expect(reads.failures.map(failureText)).toEqual([expect.stringMatching(/net\/udp6: .*ENOENT/)]);
  });

  it('names the file of each row it could not read', async () => {
    const warnings: string[] = [];
    const reads = new TableReads(new SocketTable(), warnings);
    reads.readNow({ path: join(PROC_TREE, 'capture.json'), name: 'tcp6', netns: undefined });
    await reads.finish();
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((warning) => warning.startsWith('tcp6 line '))).toBe(true);
  });
});
