import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParseWarning } from '../../socket';
import { TcpState } from '../../states/tcp-state';
import { fixture } from '../../../test/fixtures/linux/fixture';
import { parseProcNetTcp } from './proc-net-tcp';
import { ProcNetTcpScanner, scanProcNetTcp, type ProcRow } from './proc-scan';

const bytesOf = (name: string) => readFileSync(join(__dirname, '../../../test/fixtures/linux', name));
const copy = (row: Readonly<ProcRow>): ProcRow => ({ ...row });
const withoutLine = ({ line: _line, ...rest }: ProcRow) => rest;

/** Rows and warnings of a buffer fed to the scanner in pieces cut at the given offsets. */
function scanInPieces(bytes: Uint8Array, cuts: number[]): { rows: ProcRow[]; warnings: ParseWarning[] } {
  const rows: ProcRow[] = [];
  const scanner = new ProcNetTcpScanner((row) => rows.push(copy(row)));
  // A reading loop as a collector writes it: one buffer, the unread rest moved to its front.
  const buffer = new Uint8Array(bytes.length);
  let filled = 0;
  let from = 0;
  for (const cut of [...cuts.sort((a, b) => a - b), bytes.length]) {
    buffer.set(bytes.subarray(from, cut), filled);
    filled += cut - from;
    from = cut;
    const used = scanner.scan(buffer, filled, false);
    buffer.copyWithin(0, used, filled);
    filled -= used;
  }
  scanner.scan(buffer, filled, true);
  return { rows, warnings: scanner.warnings };
}

describe('scanProcNetTcp', () => {
  it('visits the rows parseProcNetTcp returns, straight from the bytes', () => {
    for (const name of [
      'linux-proc-net-tcp.jc.txt',
      'linux-proc-net-tcp6.jc.txt',
      'loopback-proc-net-tcp.txt',
    ]) {
      const rows: ProcRow[] = [];
      const warnings = scanProcNetTcp(bytesOf(name), (row) => rows.push(copy(row)));
      const parsed = parseProcNetTcp(fixture(name));
      expect(warnings).toEqual(parsed.warnings);
      expect(rows.map(withoutLine)).toEqual(parsed.sockets);
    }
  });

  it('numbers rows by their line and warns about the lines it cannot read', () => {
    const text = [
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
      '   0: 0100007F:1F90 00000000:0000 0A 00000000:00000003 00:00000000 00000000  1000        0 4242 1 0 100 0 0 10 0',
      '   1: not a row',
      '   2: 0100007F:1F90 0100007F:C350 FF 00000000:00000000 00:00000000 00000000  1000        0 4243 1 0 100 0 0 10 0',
    ].join('\n');
    const rows: ProcRow[] = [];
    const warnings = scanProcNetTcp(new TextEncoder().encode(text), (row) => rows.push(copy(row)));
    expect(rows.map((row) => [row.line, row.state, row.localPort, row.recvQueue, row.inode])).toEqual([
      [2, TcpState.LISTEN, 8080, 3, 4242],
      [4, TcpState.UNKNOWN, 8080, 0, 4243],
    ]);
    expect(warnings).toEqual([
      { line: 3, message: 'local address is not 8 (IPv4) or 32 (IPv6) hex digits' },
      { line: 4, message: 'unknown state code FF' },
    ]);
  });

  it('says so when the input is empty or blank', () => {
    expect(scanProcNetTcp(new Uint8Array(0), () => undefined)).toEqual([
      { line: 0, message: 'the input is empty' },
    ]);
    expect(scanProcNetTcp(new TextEncoder().encode(' \n\t\n'), () => undefined)).toEqual([
      { line: 0, message: 'the input is empty' },
    ]);
  });
});

describe('ProcNetTcpScanner fed in chunks', () => {
  const files = ['loopback-proc-net-tcp.txt', 'linux-proc-net-tcp6.jc.txt', 'not-ok/truncated-proc.txt'];

  it.each(files)('gives %s the same rows, lines and warnings wherever the chunks are cut', (name) => {
    const bytes = bytesOf(name);
    const whole = scanInPieces(bytes, []);
    expect(whole.rows.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 12 }), (cuts) => {
        expect(scanInPieces(bytes, cuts)).toEqual(whole);
      }),
    );
  });

  it('keeps an unterminated last line for the next chunk, and reads it as the last one', () => {
    const line =
      '   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 7 1';
    const bytes = new TextEncoder().encode(line);
    const rows: ProcRow[] = [];
    const scanner = new ProcNetTcpScanner((row) => rows.push(copy(row)));
    expect(scanner.scan(bytes, bytes.length, false)).toBe(0);
    expect(rows).toEqual([]);
    expect(scanner.scan(bytes, bytes.length, true)).toBe(bytes.length);
    expect(rows.map((row) => row.inode)).toEqual([7]);
  });
});
