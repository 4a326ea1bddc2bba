import { TcpState } from '../../states/tcp-state';
import { connection, countByState, expectedCounts, fixture } from '../../../test/fixtures/linux/fixture';
import { PROC_HEADER, procLine } from '../../../test/fixtures/linux/proc-lines';
import { parseProcNetTcp } from './proc-net-tcp';
import { parseSs } from './ss';

describe('parseProcNetTcp on published captures', () => {
  it('reads both concatenated captures of linux-proc-net-tcp, the slot counter restarting', () => {
    const { sockets, warnings, format } = parseProcNetTcp(fixture('linux-proc-net-tcp.jc.txt'));
    expect(format).toBe('linux-proc');
    expect(warnings).toEqual([]);
    expect(countByState(sockets)).toEqual({
      LISTEN: 4,
      CLOSE_WAIT: 1,
      FIN_WAIT_1: 6,
      TIME_WAIT: 15,
      ESTABLISHED: 1,
    });
  });

  it('decodes little-endian words, ports, queues, uid and inode', () => {
    const { sockets } = parseProcNetTcp(fixture('linux-proc-net-tcp.jc.txt'));
    // `3500007F:0035 ... 0A ... 101 0 34000`: systemd-resolved on 127.0.0.53:53.
    expect(sockets[0]).toEqual({
      family: 'ipv4',
      localAddress: '127.0.0.53',
      localPort: 53,
      remoteAddress: '0.0.0.0',
      remotePort: 0,
      state: TcpState.LISTEN,
      rawState: '0A',
      recvQueue: 0,
      sendQueue: 0,
      uid: 101,
      inode: 34000,
    });
    // `802AA8C0:D450 2104C798:01BB 08 00000000:00000052`: 82 unread bytes in CLOSE_WAIT.
    expect(sockets[3]).toMatchObject({
      localAddress: '192.168.42.128',
      localPort: 54352,
      remoteAddress: '152.199.4.33',
      remotePort: 443,
      state: TcpState.CLOSE_WAIT,
      recvQueue: 82,
      uid: 1000,
      inode: 149098,
    });
  });

  it('leaves out the placeholder uid and inode of timewait rows and the inode of orphans', () => {
    const { sockets } = parseProcNetTcp(fixture('linux-proc-net-tcp.jc.txt'));
    const timeWait = sockets.find((socket) => socket.state === TcpState.TIME_WAIT);
    expect(timeWait).toMatchObject({
      localAddress: '10.0.0.28',
      remoteAddress: '104.244.42.65',
      remotePort: 80,
    });
    expect(timeWait?.uid).toBeUndefined();
    expect(timeWait?.inode).toBeUndefined();
    const orphan = sockets.find((socket) => socket.state === TcpState.FIN_WAIT_1);
    expect(orphan).toMatchObject({ uid: 0, sendQueue: 1 });
    expect(orphan?.inode).toBeUndefined();
  });

  it('decodes IPv6 as four host-order words', () => {
    const { sockets, warnings } = parseProcNetTcp(fixture('linux-proc-net-tcp6.jc.txt'));
    expect(warnings).toEqual([]);
    expect(countByState(sockets)).toEqual({ LISTEN: 1, TIME_WAIT: 7 });
    expect(sockets[0]).toMatchObject({ family: 'ipv6', localAddress: '::', localPort: 22, inode: 23556 });
    // 46060126 00F1019E 00000000 4C3A0000 -> 2601:0646 9e01:f100 0:0 0:3a4c
    expect(sockets[1]).toMatchObject({
      localAddress: '2601:646:9e01:f100::3a4c',
      localPort: 59136,
      remoteAddress: '2a03:2880:f131:83:face:b00c:0:25de',
      remotePort: 80,
    });
  });

  it('reads tcp and tcp6 text concatenated, headers repeated', () => {
    const text = fixture('linux-proc-net-tcp.jc.txt') + '\n' + fixture('linux-proc-net-tcp6.jc.txt');
    const { sockets, warnings } = parseProcNetTcp(text);
    expect(warnings).toEqual([]);
    expect(sockets).toHaveLength(27 + 8);
  });
});

describe('parseProcNetTcp on the loopback capture', () => {
  const tcp = parseProcNetTcp(fixture('loopback-proc-net-tcp.txt'));
  const tcp6 = parseProcNetTcp(fixture('loopback-proc-net-tcp6.txt'));

  it('finds exactly the sockets capture.ts opened, per state', () => {
    expect(tcp.warnings).toEqual([]);
    expect(tcp6.warnings).toEqual([]);
    expect(countByState(tcp.sockets)).toEqual(expectedCounts('loopback-proc-net-tcp.txt'));
    expect(countByState(tcp6.sockets)).toEqual(expectedCounts('loopback-proc-net-tcp6.txt'));
  });

  it('agrees with ss over the same sockets', () => {
    const proc = [...tcp.sockets, ...tcp6.sockets].map(connection).sort();
    const ss = parseSs(fixture('loopback-ss-tan.txt')).sockets.map(connection).sort();
    expect(proc).toEqual(ss);
  });

  it('reads the accept queue of a listener nobody accepts from', () => {
    const listener = tcp.sockets.find((s) => s.localPort === 7008 && s.state === TcpState.LISTEN);
    expect(listener).toMatchObject({ recvQueue: 2, sendQueue: 0, uid: 0 });
  });

  it('reads the queues stuck behind a closed window', () => {
    const finWait1 = tcp.sockets.find((s) => s.state === TcpState.FIN_WAIT_1);
    expect(finWait1).toMatchObject({ remotePort: 7011, sendQueue: 0x3b2a01, recvQueue: 0 });
    expect(finWait1?.inode).toBeUndefined();
    const reader = tcp.sockets.find((s) => s.localPort === 7011 && s.state === TcpState.ESTABLISHED);
    expect(reader).toMatchObject({ recvQueue: 0x1f600, inode: 35968 });
  });

  it('reads a half-open request socket: listener uid, no inode', () => {
    const request = tcp6.sockets.find((s) => s.state === TcpState.SYN_RECEIVED);
    expect(request).toMatchObject({ localAddress: '::1', localPort: 7010, remotePort: 47700, uid: 0 });
    expect(request?.inode).toBeUndefined();
  });

  it('writes IPv4-mapped addresses as ::ffff:a.b.c.d', () => {
    const mapped = tcp6.sockets.filter((s) => s.localAddress === '::ffff:127.0.0.1');
    expect(mapped.map((s) => `${s.localPort}>${s.remotePort}`).sort()).toEqual([
      '49862>7003',
      '7003>49860',
      '7003>49862',
    ]);
  });
});

describe('parseProcNetTcp byte order', () => {
  const row = {
    localAddress: '192.0.2.10',
    localPort: 443,
    remoteAddress: '198.51.100.7',
    remotePort: 50123,
    state: 1,
    sendQueue: 5,
    recvQueue: 7,
    uid: 33,
    inode: 4242,
    timewait: false,
  };

  it('reads a big-endian host when told', () => {
    const text = `${PROC_HEADER}\n${procLine(row, 0, 'big')}\n`;
    expect(text).toContain('C000020A:01BB');
    const { sockets, warnings } = parseProcNetTcp(text, { byteOrder: 'big' });
    expect(warnings).toEqual([]);
    expect(sockets[0]).toMatchObject({ localAddress: '192.0.2.10', remoteAddress: '198.51.100.7' });
  });

  it('reads the same text reversed when left to the little-endian default', () => {
    const text = `${PROC_HEADER}\n${procLine(row, 0, 'big')}\n`;
    expect(parseProcNetTcp(text).sockets[0]?.localAddress).toBe('10.2.0.192');
  });

  it('orders IPv6 words big-endian too', () => {
    const v6 = { ...row, localAddress: '2001:db8::1', remoteAddress: '::ffff:10.0.0.1' };
    const text = procLine(v6, 0, 'big');
    expect(text).toContain('20010DB8000000000000000000000001:01BB');
    expect(parseProcNetTcp(text, { byteOrder: 'big' }).sockets[0]).toMatchObject({
      localAddress: '2001:db8::1',
      remoteAddress: '::ffff:10.0.0.1',
    });
  });
});
