import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { ParseResult } from '../../socket';
import { TcpState } from '../../states/tcp-state';
import { parseWindowsNetstat } from './netstat';
import { itFindsNothingInJunk, itNeverThrows } from '../../../test/support/parser-checks';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../test/fixtures/windows', name), 'utf8');
const byState = (result: ParseResult) =>
  result.sockets.reduce<Record<string, number>>(
    (acc, s) => ({ ...acc, [s.state]: (acc[s.state] ?? 0) + 1 }),
    {},
  );

describe('parseWindowsNetstat on Windows 10 captures', () => {
  it('reads netstat -an (CRLF, no PID): 80 TCP rows, UDP skipped', () => {
    const result = parseWindowsNetstat(fixture('windows10-netstat-an.jc.txt'));
    expect(result.warnings).toEqual([]);
    expect(byState(result)).toEqual({ LISTEN: 48, ESTABLISHED: 32 });
    expect(result.sockets.every((s) => s.pid === undefined)).toBe(true);
  });

  it('reads netstat -aon with PIDs and bracketed IPv6', () => {
    const result = parseWindowsNetstat(fixture('windows10-netstat-aon.jc.txt'));
    expect(result.warnings).toEqual([]);
    expect(byState(result)).toEqual({ LISTEN: 39, ESTABLISHED: 32 });
    expect(result.sockets[0]).toEqual({
      family: 'ipv4',
      localAddress: '0.0.0.0',
      localPort: 135,
      remoteAddress: '0.0.0.0',
      remotePort: 0,
      state: TcpState.LISTEN,
      rawState: 'LISTENING',
      pid: 1712,
    });
    expect(result.sockets.at(-1)).toMatchObject({
      family: 'ipv6',
      localAddress: '::1',
      localPort: 8307,
      remoteAddress: '::',
      pid: 9396,
    });
  });

  it('reads netstat -aonb: the [executable] line names the process of the row above', () => {
    const result = parseWindowsNetstat(fixture('windows10-netstat-aonb.jc.txt'));
    expect(result.warnings).toEqual([]);
    expect(byState(result)).toEqual({ LISTEN: 51, ESTABLISHED: 54, CLOSE_WAIT: 6, TIME_WAIT: 3 });
    expect(result.sockets[0]).toMatchObject({ localPort: 135, pid: 1712, process: 'svchost.exe' });
    expect(result.sockets[2]).toMatchObject({ localPort: 445, pid: 4 });
    expect(result.sockets[2]).not.toHaveProperty('process');
    const closeWait = result.sockets.filter((s) => s.state === TcpState.CLOSE_WAIT);
    expect(new Set(closeWait.map((s) => `${s.process}/${s.pid}`))).toEqual(new Set(['SearchApp.exe/27568']));
    expect(result.sockets.find((s) => s.localPort === 29802)?.process).toBe('NVIDIA Web Helper.exe');
    expect(result.sockets.filter((s) => s.process === undefined)).toHaveLength(19 + 3);
  });

  it('reads rows by shape under a German header; unknown words stay raw', () => {
    const result = parseWindowsNetstat(fixture('windows-netstat-ano-german.handbuilt.txt'));
    expect(result.sockets.map((s) => [s.rawState, s.state, s.pid])).toEqual([
      ['ABHÖREN', TcpState.UNKNOWN, 1712],
      ['HERGESTELLT', TcpState.UNKNOWN, 10644],
      ['WARTEND', TcpState.UNKNOWN, 0],
      ['ABHÖREN', TcpState.UNKNOWN, 1712],
      ['ABHÖREN', TcpState.UNKNOWN, 4],
    ]);
    expect(result.sockets[4]).toMatchObject({ family: 'ipv6', localAddress: 'fe80::1%12', localPort: 139 });
    expect(result.warnings.map((w) => w.line)).toEqual([5, 6, 7, 8, 9]);
  });
});

describe('parseWindowsNetstat on the not-ok set', () => {
  it('warns about truncated rows and keeps the others', () => {
    const result = parseWindowsNetstat(fixture('not-ok/truncated-rows.txt'));
    expect(result.sockets.map((s) => s.localPort)).toEqual([135, 1031]);
    expect(result.warnings.map((w) => w.line)).toEqual([6, 7]);
  });

  it('warns about an unknown state, a bad port and a stray line', () => {
    const result = parseWindowsNetstat(fixture('not-ok/wrong-columns.txt'));
    expect(result.sockets.map((s) => s.state)).toEqual([TcpState.UNKNOWN, TcpState.LISTEN]);
    expect(result.warnings).toEqual([
      { line: 5, message: 'unknown TCP state "LISTEN" (kept as UNKNOWN)' },
      { line: 6, message: 'cannot read address "0.0.0.0:99999"' },
      { line: 8, message: 'not a netstat row' },
    ]);
  });

  itFindsNothingInJunk(parseWindowsNetstat, 'windows', 'windows-netstat', {
    line: 0,
    message: 'no netstat rows found',
  });
});

describe('parseWindowsNetstat properties', () => {
  itNeverThrows(parseWindowsNetstat, 'windows-netstat');

  it('reads back generated -ano rows', () => {
    const state = fc.constantFrom('LISTENING', 'ESTABLISHED', 'CLOSE_WAIT', 'TIME_WAIT', 'SYN_SENT');
    fc.assert(
      fc.property(
        fc.ipV6(),
        fc.nat(65535),
        fc.ipV4(),
        fc.nat(65535),
        state,
        fc.nat(99999),
        (la, lp, ra, rp, st, pid) => {
          const [socket] = parseWindowsNetstat(
            `  TCP    [${la}]:${lp}   ${ra}:${rp}   ${st}   ${pid}`,
          ).sockets;
          return (
            socket?.localPort === lp &&
            socket.remoteAddress === ra &&
            socket.remotePort === rp &&
            socket.pid === pid &&
            socket.rawState === st
          );
        },
      ),
    );
  });

  it('reads 50,000 rows in one pass', () => {
    const row = '  TCP    10.0.0.1:50000         10.0.0.2:443           ESTABLISHED     1234\n';
    const result = parseWindowsNetstat(row.repeat(50_000));
    expect(result.sockets).toHaveLength(50_000);
  });
});
