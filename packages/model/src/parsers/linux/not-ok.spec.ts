import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Parser } from '../../socket';
import { TcpState } from '../../states/tcp-state';
import { fixture } from '../../../test/fixtures/linux/fixture';
import { parseLinuxNetstat } from './netstat';
import { parseProcNetTcp } from './proc-net-tcp';
import { parseSs } from './ss';

const PARSERS: Record<string, Parser> = {
  proc: (text) => parseProcNetTcp(text),
  ss: parseSs,
  netstat: parseLinuxNetstat,
};
const FILES = readdirSync(join(__dirname, '../../../test/fixtures/linux/not-ok')).filter((f) =>
  f.endsWith('.txt'),
);
const broken = (name: string) => fixture(`not-ok/${name}`);

describe('every parser on every broken input', () => {
  it.each(FILES.flatMap((file) => Object.keys(PARSERS).map((parser) => [file, parser])))(
    '%s through %s: no exception, warnings point at real lines',
    (file, parser) => {
      const text = broken(file);
      const result = PARSERS[parser]?.(text);
      const lineCount = text.split('\n').length;
      for (const warning of result?.warnings ?? []) {
        expect(warning.line).toBeGreaterThanOrEqual(0);
        expect(warning.line).toBeLessThanOrEqual(lineCount);
        expect(warning.message.length).toBeGreaterThan(0);
      }
    },
  );
});

/** What the parser meant for each broken file must give: sockets kept, and the lines warned about. */
const EXPECTED: [file: string, parser: string, sockets: number, warnedLines: number[]][] = [
  ['empty.txt', 'proc', 0, [0]],
  ['empty.txt', 'ss', 0, [0]],
  ['empty.txt', 'netstat', 0, [0]],
  ['header-only-proc.txt', 'proc', 0, []],
  ['header-only-ss.txt', 'ss', 0, []],
  ['header-only-netstat.txt', 'netstat', 0, []],
  ['truncated-proc.txt', 'proc', 2, [3, 4, 5, 7]],
  ['wrong-hex-proc.txt', 'proc', 2, [2, 3, 4, 5, 6, 7]],
  ['huge-numbers-proc.txt', 'proc', 1, [2, 3, 4, 6]],
  ['huge-numbers-ss.txt', 'ss', 2, [2, 3, 4]],
  ['garbage.txt', 'proc', 0, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]],
  ['garbage.txt', 'ss', 0, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]],
  ['garbage.txt', 'netstat', 0, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]],
  ['binary-bytes.txt', 'proc', 1, [1, 2, 3, 5, 6]],
  ['binary-bytes.txt', 'ss', 0, [1, 2, 3, 4, 5, 6]],
  ['crlf-proc.txt', 'proc', 3, []],
  ['crlf-ss.txt', 'ss', 3, []],
  ['crlf-netstat.txt', 'netstat', 3, []],
  ['mixed-formats.txt', 'proc', 1, [3, 4, 5, 6, 7, 8, 9]],
  ['mixed-formats.txt', 'ss', 1, [1, 2, 5, 6, 7, 8, 9]],
  ['mixed-formats.txt', 'netstat', 1, [1, 2, 3, 4, 9]],
];

describe('broken inputs, one by one', () => {
  it.each(EXPECTED)(
    '%s through %s keeps %d sockets and warns on lines %j',
    (file, parser, sockets, lines) => {
      const result = PARSERS[parser]?.(broken(file));
      expect(result?.sockets).toHaveLength(sockets);
      expect([...new Set(result?.warnings.map((w) => w.line))]).toEqual(lines);
    },
  );

  it('keeps the largest valid values exactly', () => {
    const [socket] = parseProcNetTcp(broken('huge-numbers-proc.txt')).sockets;
    expect(socket).toMatchObject({
      sendQueue: 0xffffffff,
      recvQueue: 0xffffffff,
      uid: 0xffffffff,
      inode: Number.MAX_SAFE_INTEGER,
    });
  });

  it('keeps an unknown state code raw, as UNKNOWN', () => {
    const unknown = parseProcNetTcp(broken('wrong-hex-proc.txt')).sockets[0];
    expect(unknown).toMatchObject({ state: TcpState.UNKNOWN, rawState: '1F', localPort: 7001 });
  });

  it('keeps a row whose process column is unreadable, without an owner', () => {
    const row = parseSs(broken('huge-numbers-ss.txt')).sockets[0];
    expect(row).toMatchObject({ remotePort: 33942 });
    expect(row?.pid).toBeUndefined();
  });

  it.each([
    ['crlf-proc.txt', PARSERS.proc],
    ['crlf-ss.txt', PARSERS.ss],
    ['crlf-netstat.txt', PARSERS.netstat],
  ])('reads %s exactly like its LF form', (file, parser) => {
    const text = broken(file);
    expect(text).toContain('\r\n');
    expect(parser?.(text)).toEqual(parser?.(text.replace(/\r\n/g, '\n')));
  });

  it('quotes unreadable input in warnings with control bytes escaped', () => {
    const { warnings } = parseLinuxNetstat(broken('binary-bytes.txt'));
    expect(warnings[0]?.message).toBe('not a netstat row: unknown protocol "\\u0000\\u0001\uFFFD\uFFFD"');
  });
});
