import { TcpState } from '../../states/tcp-state';
import { countByState, expectedCounts, fixture } from '../../../test/fixtures/linux/fixture';
import { parseSs } from './ss';

const HEADER = 'State  Recv-Q Send-Q Local Address:Port  Peer Address:Port Process';

describe('parseSs on published captures', () => {
  it('keeps the tcp rows of `ss -a` and skips netlink, packet, unix, udp and raw', () => {
    const { sockets, warnings, format } = parseSs(fixture('centos7.7-ss-a.jc.txt'));
    expect(format).toBe('linux-ss');
    expect(warnings).toEqual([]);
    const base = { recvQueue: 0, state: TcpState.LISTEN, rawState: 'LISTEN' };
    expect(sockets).toEqual([
      { ...base, family: 'ipv4', localAddress: '127.0.0.1', localPort: 25, remoteAddress: '0.0.0.0', remotePort: 0, sendQueue: 100 },
      { ...base, family: 'ipv4', localAddress: '0.0.0.0', localPort: 22, remoteAddress: '0.0.0.0', remotePort: 0, sendQueue: 128 },
      { ...base, family: 'ipv6', localAddress: '::1', localPort: 25, remoteAddress: '::', remotePort: 0, sendQueue: 100 },
      { ...base, family: 'ipv6', localAddress: '::', localPort: 22, remoteAddress: '::', remotePort: 0, sendQueue: 128 },
      { family: 'ipv6', localAddress: '::1', localPort: 22, remoteAddress: '::1', remotePort: 38134, state: TcpState.ESTABLISHED, rawState: 'ESTAB', recvQueue: 0, sendQueue: 0 },
      { family: 'ipv6', localAddress: '::1', localPort: 38134, remoteAddress: '::1', remotePort: 22, state: TcpState.ESTABLISHED, rawState: 'ESTAB', recvQueue: 0, sendQueue: 0 },
    ]); // prettier-ignore
  });
});

describe('parseSs on the loopback capture', () => {
  it.each(['loopback-ss-tan.txt', 'loopback-ss-tanp.txt'])(
    'finds exactly the sockets of %s per state',
    (name) => {
      const { sockets, warnings } = parseSs(fixture(name));
      expect(warnings).toEqual([]);
      expect(countByState(sockets)).toEqual(expectedCounts(name));
    },
  );

  it('keeps accept queue and backlog of a LISTEN socket in recvQueue and sendQueue', () => {
    const { sockets } = parseSs(fixture('loopback-ss-tan.txt'));
    expect(sockets.find((s) => s.localPort === 7008 && s.state === TcpState.LISTEN)).toMatchObject({
      recvQueue: 2,
      sendQueue: 1,
    });
  });

  it('reads `*` as the dual-stack IPv6 wildcard when the text prints 0.0.0.0', () => {
    const { sockets } = parseSs(fixture('loopback-ss-tan.txt'));
    expect(sockets.find((s) => s.localPort === 7003 && s.state === TcpState.LISTEN)).toMatchObject({
      family: 'ipv6',
      localAddress: '::',
      remoteAddress: '::',
    });
  });

  it('takes pid and process from users:(...) where a process holds the socket', () => {
    const { sockets } = parseSs(fixture('loopback-ss-tanp.txt'));
    const held = sockets.filter((s) => s.pid !== undefined);
    expect(held.every((s) => s.process === 'node' && s.pid !== undefined && s.pid > 0)).toBe(true);
    // No owner: 2 request sockets, 2 children still in the accept queue, 3 orphans, 2 time-wait.
    expect(sockets.length - held.length).toBe(9);
    expect(sockets.find((s) => s.state === TcpState.LAST_ACK)?.pid).toBeUndefined();
  });
});

describe('parseSs columns and address forms', () => {
  const one = (row: string, text = `${HEADER}\n${row}\n`) => parseSs(text);

  it('takes the first of several processes sharing a socket', () => {
    const row = 'LISTEN 0 511 0.0.0.0:80 0.0.0.0:* users:(("nginx",pid=123,fd=6),("nginx",pid=124,fd=6))';
    expect(one(row).sockets[0]).toMatchObject({ process: 'nginx', pid: 123, localPort: 80 });
  });

  it('reads the users column of older ss, without pid= and fd=', () => {
    const row = 'ESTAB 0 0 10.0.0.1:22 10.0.0.9:50000 users:(("sshd",1045,3))';
    expect(one(row).sockets[0]).toMatchObject({ process: 'sshd', pid: 1045 });
  });

  it('keeps a process name with spaces and parentheses', () => {
    const row = 'ESTAB 0 0 10.0.0.1:22 10.0.0.9:50000 users:(("tmux: server (1)",pid=77,fd=3))';
    expect(one(row).sockets[0]).toMatchObject({ process: 'tmux: server (1)', pid: 77 });
  });

  it('reads uid and inode of -e', () => {
    const row = 'ESTAB 0 0 10.0.0.1:22 10.0.0.9:50000 uid:1000 ino:35712 sk:1001 cgroup:/user.slice <->';
    expect(one(row).sockets[0]).toMatchObject({ uid: 1000, inode: 35712 });
  });

  it('keeps an interface suffix as the zone', () => {
    const { sockets } = one('LISTEN 0 4096 127.0.0.53%lo:53 0.0.0.0:*');
    expect(sockets[0]).toMatchObject({ family: 'ipv4', localAddress: '127.0.0.53%lo', localPort: 53 });
    const v6 = one('ESTAB 0 0 [fe80::1]%eth0:22 [fe80::2]%eth0:40000');
    expect(v6.sockets[0]).toMatchObject({ localAddress: 'fe80::1%eth0', remoteAddress: 'fe80::2%eth0' });
  });

  it('reads the bare IPv6 of older ss and IPv4-mapped addresses', () => {
    expect(one('LISTEN 0 128 :::22 :::*').sockets[0]).toMatchObject({ family: 'ipv6', localAddress: '::' });
    expect(one('LISTEN 0 5 ::1:631 :::*').sockets[0]).toMatchObject({ localAddress: '::1', localPort: 631 });
    const mapped = one('ESTAB 0 0 [::ffff:127.0.0.1]:22 [::ffff:127.0.0.1]:5000').sockets[0];
    expect(mapped).toMatchObject({ family: 'ipv6', localAddress: '::ffff:127.0.0.1', remotePort: 5000 });
  });

  it('reads `*` as the IPv4 wildcard in text of older ss, which never prints 0.0.0.0', () => {
    expect(one('LISTEN 0 128 *:22 *:*').sockets[0]).toMatchObject({
      family: 'ipv4',
      localAddress: '0.0.0.0',
    });
  });

  it('skips the tab-indented detail lines of -i', () => {
    const text = `${HEADER}\nESTAB 0 0 10.0.0.1:22 10.0.0.9:50000\n\t cubic wscale:7,7 rto:204 rtt:0.5/0.25\n`;
    const { sockets, warnings } = parseSs(text);
    expect(sockets).toHaveLength(1);
    expect(warnings).toEqual([]);
  });

  it('keeps an unknown state as UNKNOWN with its spelling and a warning', () => {
    const { sockets, warnings } = one('NEW-STATE 0 0 10.0.0.1:22 10.0.0.9:50000');
    expect(sockets[0]).toMatchObject({ state: TcpState.UNKNOWN, rawState: 'NEW-STATE' });
    expect(warnings).toEqual([{ line: 2, message: 'unknown state "NEW-STATE"' }]);
  });

  it('resolves service names, and keeps an unknown one as port 0 with a warning', () => {
    const { sockets, warnings } = one('ESTAB 0 0 10.0.0.1:https 10.0.0.9:no-such-service');
    expect(sockets[0]).toMatchObject({ localPort: 443, remotePort: 0 });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.line).toBe(2);
  });
});
