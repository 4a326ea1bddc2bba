import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { TcpState } from '../../states/tcp-state';
import { parseSockstat } from './sockstat';
import { itFindsNothingInJunk, itNeverThrows } from '../../../test/support/parser-checks';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../test/fixtures/freebsd', name), 'latin1');
const INFERRED = {
  line: 0,
  message: 'sockstat printed no TCP state (no -s): foreign port 0 read as LISTEN, others as UNKNOWN',
};

describe('parseSockstat on real captures (no -s)', () => {
  it('reads sockstat -4l: one sshd listener, UDP rows and the echoed command skipped', () => {
    const result = parseSockstat(fixture('freebsd-sockstat-4l.freebsd-ask.txt'));
    expect(result.sockets).toEqual([
      {
        family: 'ipv4',
        localAddress: '0.0.0.0',
        localPort: 22,
        remoteAddress: '0.0.0.0',
        remotePort: 0,
        state: TcpState.LISTEN,
        rawState: '',
        pid: 1140,
        process: 'sshd',
      },
    ]);
    expect(result.warnings).toEqual([INFERRED]);
  });

  it('reads tcp46 listeners as IPv6', () => {
    const result = parseSockstat(fixture('freebsd-sockstat-l.serv00.txt'));
    expect(result.sockets.map((s) => [s.family, s.localAddress, s.localPort, s.pid, s.process])).toEqual([
      ['ipv6', '::', 36305, 74853, 'v2ray'],
      ['ipv6', '::', 43934, 74853, 'v2ray'],
      ['ipv6', '::', 50403, 74853, 'v2ray'],
    ]);
  });

  it('reads a jail address and a 3-digit FD', () => {
    const [socket] = parseSockstat(fixture('freebsd-sockstat-l4.minecraft-jail.txt')).sockets;
    expect(socket).toMatchObject({
      localAddress: '10.0.0.210',
      localPort: 25565,
      pid: 33227,
      process: 'java',
    });
  });

  it('reports a connected row without -s as UNKNOWN', () => {
    const text = 'root     sshd        1140 5   tcp4   10.0.0.1:22           10.0.0.9:50022\n';
    expect(parseSockstat(text).sockets[0]).toMatchObject({
      state: TcpState.UNKNOWN,
      rawState: '',
      remotePort: 50022,
    });
  });
});

describe('parseSockstat with -s (hand-built sample)', () => {
  const result = parseSockstat(fixture('freebsd-sockstat-46s.handbuilt.txt'));

  it('reads the CONN STATE column', () => {
    expect(result.warnings).toEqual([]);
    expect(result.sockets.map((s) => s.state)).toEqual([
      TcpState.LISTEN,
      TcpState.LISTEN,
      TcpState.ESTABLISHED,
      TcpState.CLOSE_WAIT,
      TcpState.LISTEN,
      TcpState.ESTABLISHED,
      TcpState.SYN_SENT,
      TcpState.FIN_WAIT_2,
      TcpState.TIME_WAIT,
    ]);
  });

  it('reads bare IPv6 with zones, cut command names and ownerless rows', () => {
    expect(result.sockets[5]).toMatchObject({
      localAddress: '::1',
      localPort: 5432,
      remoteAddress: '::1',
      remotePort: 61222,
    });
    expect(result.sockets[6]).toMatchObject({ process: 'backup-age', pid: 2201 });
    expect(result.sockets[7]).toMatchObject({
      localAddress: 'fe80::1%em0',
      remoteAddress: 'fe80::2%em0',
      remotePort: 50322,
    });
    expect(result.sockets[8]).not.toHaveProperty('pid');
    expect(result.sockets[8]).not.toHaveProperty('process');
  });

  it('reads bracketed IPv6 of newer releases', () => {
    const text =
      'root     sshd        812 4   tcp6   [::1]:22              [::1]:40001           ESTABLISHED\n';
    expect(parseSockstat(text).sockets[0]).toMatchObject({
      localAddress: '::1',
      remotePort: 40001,
      state: TcpState.ESTABLISHED,
    });
  });
});

describe('parseSockstat on the not-ok set', () => {
  it('warns per bad line and keeps the good rows', () => {
    const result = parseSockstat(fixture('not-ok/sockstat-wrong-columns.txt'));
    expect(result.sockets.map((s) => s.state)).toEqual([TcpState.LISTEN, TcpState.UNKNOWN]);
    expect(result.warnings).toEqual([
      { line: 3, message: 'truncated row: no foreign address' },
      { line: 4, message: 'cannot read address "[fe80::4ff:daff:febe:" (cut without -w?)' },
      { line: 5, message: 'unknown TCP state "LISTENING" (kept as UNKNOWN)' },
      { line: 6, message: 'not a sockstat row' },
    ]);
  });

  itFindsNothingInJunk(parseSockstat, 'freebsd', 'freebsd-sockstat');
});

describe('parseSockstat properties', () => {
  itNeverThrows(parseSockstat, 'freebsd-sockstat');

  it('reads back generated rows', () => {
    const state = fc.constantFrom('LISTEN', 'ESTABLISHED', 'CLOSE_WAIT', 'TIME_WAIT', 'LAST_ACK');
    fc.assert(
      fc.property(
        fc.ipV4(),
        fc.integer({ min: 1, max: 65535 }),
        fc.nat(99999),
        state,
        (address, port, pid, st) => {
          const row = `root     sshd       ${pid} 4   tcp4   ${address}:${port}   1.2.3.4:5   ${st}`;
          const [socket] = parseSockstat(row).sockets;
          return (
            socket?.localAddress === address &&
            socket.localPort === port &&
            socket.pid === pid &&
            socket.rawState === st
          );
        },
      ),
    );
  });
});
