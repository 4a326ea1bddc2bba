import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { createConnection, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { scanProcNetTcp, type ProcRow } from '@tcpfleet/model';
import { PROC_TREE } from '../../test/fixtures';
import { lastRead, scanProcFile } from './proc_read_linux';
import { ProcStream } from './proc_stream_linux';

const byteOrder = endianness() === 'LE' ? 'little' : 'big';
const FILES = ['net/tcp', 'net/tcp6', '21677/net/tcp', '21677/net/tcp6'];

function syncRows(path: string): ProcRow[] {
  const rows: ProcRow[] = [];
  scanProcFile(path, byteOrder, (row) => rows.push({ ...row }));
  return rows;
}

async function streamRows(path: string): Promise<ProcRow[]> {
  const rows: ProcRow[] = [];
  await new ProcStream(path).scan(byteOrder, (row) => rows.push({ ...row }));
  return rows;
}

describe('lastRead', () => {
  it('ends a table at an empty read, or at one shorter than asked with room for another record in a page', () => {
    expect(lastRead(0, 262_144)).toBe(true);
    expect(lastRead(900, 262_144)).toBe(true);
    expect(lastRead(3584, 262_144)).toBe(true);
  });

  it('reads on after a read that filled a page or what was asked', () => {
    // 27 rows of 150 bytes: the 28th did not fit in the kernel's 4 KiB page.
    expect(lastRead(4050, 262_144)).toBe(false);
    expect(lastRead(3585, 262_144)).toBe(false);
    expect(lastRead(900, 900)).toBe(false);
  });
});

describe('the two ways of reading a table file', () => {
  it.each(FILES)('give %s the rows and warnings of a whole read', async (name) => {
    const path = join(PROC_TREE, name);
    const whole: ProcRow[] = [];
    const warnings = scanProcNetTcp(readFileSync(path), (row) => whole.push({ ...row }), { byteOrder });
    expect(syncRows(path)).toEqual(whole);
    expect(await streamRows(path)).toEqual(whole);
    const rows: ProcRow[] = [];
    expect(await new ProcStream(path).scan(byteOrder, (row) => rows.push(row))).toEqual(warnings);
  });

  it('rejects a scan whose rows cannot be taken, and closes the file all the same', async () => {
    const open = () => readdirSync('/dev/fd').length;
    const before = open();
    const stream = new ProcStream(join(PROC_TREE, 'net', 'tcp'));
    await expect(
      stream.scan(byteOrder, () => {
        throw new Error('no room');
      }),
    ).rejects.toThrow('no room');
    expect(open()).toBe(before);
  });

  it('fails at once on a file that is not there', () => {
    expect(() => new ProcStream(join(PROC_TREE, 'net', 'udp'))).toThrow(/ENOENT/);
    expect(() => scanProcFile(join(PROC_TREE, 'net', 'udp'), byteOrder, () => undefined)).toThrow(/ENOENT/);
  });
});

const linux = process.platform === 'linux' ? describe : describe.skip;

linux('the two ways of reading /proc/net/tcp, page by page', () => {
  const held: Socket[] = [];
  const server = createServer((socket) => held.push(socket));
  let port = 0;

  beforeAll(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
    // 400 connections: 801 rows of 150 bytes, some thirty pages of the kernel's.
    for (let i = 0; i < 400; i++) {
      const socket = createConnection({ port, host: '127.0.0.1' });
      held.push(socket);
      await once(socket, 'connect');
    }
  });

  afterAll(() => {
    for (const socket of held) socket.destroy();
    server.close();
  });

  const ours = (rows: readonly ProcRow[]) =>
    rows.filter((row) => row.localPort === port || row.remotePort === port).length;

  it('sees every socket we hold, read on this thread and through the thread pool at once', async () => {
    const path = '/proc/net/tcp';
    const pending = streamRows(path);
    expect(ours(syncRows(path))).toBe(801);
    expect(ours(await pending)).toBe(801);
  });
});
