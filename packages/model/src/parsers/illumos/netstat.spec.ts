import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { ParseResult } from '../../socket';
import { TcpState } from '../../states/tcp-state';
import { parseIllumosNetstat } from './netstat';
import { itFindsNothingInJunk, itNeverThrows } from '../../../test/support/parser-checks';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../test/fixtures/illumos', name), 'latin1');
const byState = (result: ParseResult) =>
  result.sockets.reduce<Record<string, number>>(
    (acc, s) => ({ ...acc, [`${s.family} ${s.state}`]: (acc[`${s.family} ${s.state}`] ?? 0) + 1 }),
    {},
  );

describe('parseIllumosNetstat on real captures', () => {
  it('reads OmniOS netstat -na: both TCP sections, UDP and UNIX skipped', () => {
    const result = parseIllumosNetstat(fixture('omnios-r151020-netstat-na.txt'));
    expect(result.warnings).toEqual([]);
    expect(byState(result)).toEqual({
      'ipv4 LISTEN': 6,
      'ipv4 IDLE': 2,
      'ipv4 ESTABLISHED': 2,
      'ipv6 LISTEN': 3,
      'ipv6 IDLE': 1,
    });
    expect(result.sockets[8]).toEqual({
      family: 'ipv4',
      localAddress: '172.31.15.139',
      localPort: 22,
      remoteAddress: '100.1.162.250',
      remotePort: 59344,
      state: TcpState.ESTABLISHED,
      rawState: 'ESTABLISHED',
      sendQueue: 0,
      recvQueue: 0,
    });
    expect(result.sockets[9]).toMatchObject({ sendQueue: 35 });
    expect(result.sockets[2]).toMatchObject({ localAddress: '0.0.0.0', localPort: 0, state: TcpState.IDLE });
    expect(result.sockets[11]).toMatchObject({
      family: 'ipv6',
      localAddress: '::',
      localPort: 0,
      state: TcpState.IDLE,
    });
  });

  it('reads the User Pid Command columns of netstat -u', () => {
    const result = parseIllumosNetstat(fixture('omnios-r151028-netstat-nuf-inet.releasenotes.txt'));
    expect(result.warnings).toEqual([]);
    expect(result.sockets.map((s) => [s.pid, s.process, s.sendQueue, s.state])).toEqual([
      [531, 'sshd', 51, TcpState.ESTABLISHED],
      [533, 'sshd', 51, TcpState.ESTABLISHED],
    ]);
  });

  it('reads rows whose window values overflow their columns', () => {
    const result = parseIllumosNetstat(fixture('solaris-netstat-f-inet-n.salt.txt'));
    expect(result.sockets.map((s) => `${s.remoteAddress}.${s.remotePort}`)).toEqual([
      '10.0.0.1.45329',
      '10.0.0.100.50798',
    ]);
  });

  it('reads an IPv6 row with a filled If column and BOUND', () => {
    const text =
      'TCP: IPv6\n   Local Address                     Remote Address                 Swind Send-Q Rwind Recv-Q   State      If\n' +
      'fe80::1.22                        fe80::2.50000                   64000      0 128000      0 ESTABLISHED net0\n' +
      '      *.8080                            *.*                             0      0 128000      0 BOUND      \n';
    expect(parseIllumosNetstat(text).sockets.map((s) => [s.localAddress, s.remotePort, s.state])).toEqual([
      ['fe80::1', 50000, TcpState.ESTABLISHED],
      ['::', 0, TcpState.BOUND],
    ]);
  });
});

describe('parseIllumosNetstat on the not-ok set', () => {
  it('keeps good rows around a truncated one', () => {
    const result = parseIllumosNetstat(fixture('not-ok/truncated-rows.txt'));
    expect(result.sockets.map((s) => s.localPort)).toEqual([4999, 22]);
    expect(result.warnings).toEqual([{ line: 5, message: 'unexpected number of fields (3) for a TCP row' }]);
  });

  it('warns per bad row with line numbers', () => {
    const result = parseIllumosNetstat(fixture('not-ok/wrong-columns.txt'));
    expect(result.sockets.map((s) => [s.state, s.rawState])).toEqual([
      [TcpState.UNKNOWN, 'LISTENING'],
      [TcpState.BOUND, 'BOUND'],
    ]);
    expect(result.warnings.map((w) => w.line)).toEqual([4, 5, 6]);
  });

  it('reads CRLF text', () => {
    expect(parseIllumosNetstat(fixture('not-ok/crlf.txt')).sockets).toHaveLength(2);
  });

  itFindsNothingInJunk(parseIllumosNetstat, 'illumos', 'illumos-netstat');
});

describe('parseIllumosNetstat properties', () => {
  itNeverThrows(parseIllumosNetstat, 'illumos-netstat');

  it('reads back generated rows', () => {
    const state = fc.constantFrom('LISTEN', 'ESTABLISHED', 'IDLE', 'BOUND', 'TIME_WAIT', 'CLOSE_WAIT');
    fc.assert(
      fc.property(
        fc.ipV4(),
        fc.nat(65535),
        fc.ipV4(),
        fc.nat(65535),
        state,
        fc.nat(999999),
        (la, lp, ra, rp, st, q) => {
          const text = `TCP: IPv4\n${la}.${lp}   ${ra}.${rp}   ${q} 0 128000 ${q} ${st}\n`;
          const [socket] = parseIllumosNetstat(text).sockets;
          return (
            socket?.localAddress === la &&
            socket.remotePort === rp &&
            socket.rawState === st &&
            socket.recvQueue === q
          );
        },
      ),
    );
  });
});
