import { TcpState } from '../../states/tcp-state';
import { connection, countByState, expectedCounts, fixture } from '../../../test/fixtures/linux/fixture';
import { parseLinuxNetstat } from './netstat';
import { parseSs } from './ss';

const HEADER = 'Proto Recv-Q Send-Q Local Address           Foreign Address         State      ';

describe('parseLinuxNetstat on published captures', () => {
  it('reads `netstat -aeep`: names resolved, User/Inode/PID columns, other protocols skipped', () => {
    const { sockets, warnings, format } = parseLinuxNetstat(
      fixture('centos7.7-nettools-netstat-aeep.jc.txt'),
    );
    expect(format).toBe('linux-netstat');
    expect(warnings).toEqual([]);
    const listen = { state: TcpState.LISTEN, rawState: 'LISTEN', recvQueue: 0, sendQueue: 0, remotePort: 0 };
    const estab = { state: TcpState.ESTABLISHED, rawState: 'ESTABLISHED', recvQueue: 0, sendQueue: 0 };
    expect(sockets).toEqual([
      { ...listen, family: 'ipv4', localAddress: '127.0.0.1', localPort: 25, remoteAddress: '0.0.0.0', inode: 22606, pid: 1489, process: 'master' },
      { ...listen, family: 'ipv4', localAddress: '0.0.0.0', localPort: 22, remoteAddress: '0.0.0.0', inode: 21767, pid: 1215, process: 'sshd' },
      { ...listen, family: 'ipv6', localAddress: '::1', localPort: 25, remoteAddress: '::', inode: 22607, pid: 1489, process: 'master' },
      { ...listen, family: 'ipv6', localAddress: '::', localPort: 22, remoteAddress: '::', inode: 21776, pid: 1215, process: 'sshd' },
      { ...estab, family: 'ipv6', localAddress: '::1', localPort: 22, remoteAddress: '::1', remotePort: 38134, inode: 63129, pid: 6492, process: 'sshd: kbrazil' },
      { ...estab, family: 'ipv6', localAddress: '::1', localPort: 38134, remoteAddress: '::1', remotePort: 22, inode: 63128, pid: 6491, process: 'ssh' },
    ]); // prettier-ignore
  });
});

describe('parseLinuxNetstat on the loopback capture', () => {
  it.each(['loopback-netstat-tan.txt', 'loopback-netstat-tanp.txt'])(
    'finds exactly the sockets of %s',
    (name) => {
      const { sockets, warnings } = parseLinuxNetstat(fixture(name));
      expect(warnings).toEqual([]);
      expect(countByState(sockets)).toEqual(expectedCounts(name));
    },
  );

  it('agrees with ss over the same sockets, IPv4-mapped tcp6 rows included', () => {
    const netstat = parseLinuxNetstat(fixture('loopback-netstat-tan.txt')).sockets.map(connection).sort();
    const ss = parseSs(fixture('loopback-ss-tan.txt')).sockets.map(connection).sort();
    expect(netstat).toEqual(ss);
  });

  it('reads `-` as no owner and PID/Program name otherwise', () => {
    const { sockets } = parseLinuxNetstat(fixture('loopback-netstat-tanp.txt'));
    expect(sockets.find((s) => s.state === TcpState.TIME_WAIT)?.pid).toBeUndefined();
    expect(sockets.find((s) => s.localPort === 7008 && s.state === TcpState.LISTEN)).toMatchObject({
      recvQueue: 2,
      sendQueue: 0,
      process: 'node',
    });
  });
});

describe('parseLinuxNetstat columns', () => {
  const one = (row: string) => parseLinuxNetstat(`${HEADER}\n${row}\n`);

  it('reads numeric users and strips the -o timer', () => {
    const row = 'tcp        0     36 10.0.0.5:22             10.0.0.9:51000          ESTABLISHED 1000       4711       900/sshd: alice      on (0.20/0/0)';
    expect(one(row).sockets[0]).toMatchObject({ uid: 1000, inode: 4711, pid: 900, process: 'sshd: alice', sendQueue: 36 });
  }); // prettier-ignore

  it('reads the timer alone under -o without -p', () => {
    const { sockets, warnings } = one(
      'tcp   0  0 10.0.0.5:22  10.0.0.9:51000  TIME_WAIT   timewait (59.01/0/0)',
    );
    expect(warnings).toEqual([]);
    expect(sockets[0]?.state).toBe(TcpState.TIME_WAIT);
  });

  it('keeps a row with an unknown service name as port 0 and says so', () => {
    const { sockets, warnings } = one('tcp  0  0 10.0.0.5:webfoo  10.0.0.9:51000  ESTABLISHED');
    expect(sockets[0]).toMatchObject({ localPort: 0, remotePort: 51000 });
    expect(warnings).toEqual([
      { line: 2, message: 'unknown service name "webfoo"; port kept as 0 (print numbers with -n)' },
    ]);
  });

  it('keeps a row with a host name as the wildcard and says so', () => {
    const { sockets, warnings } = one('tcp  0  0 10.0.0.5:ssh  gateway.lan:51000  ESTABLISHED');
    expect(sockets[0]).toMatchObject({ localPort: 22, remoteAddress: '0.0.0.0', remotePort: 51000 });
    expect(warnings[0]?.message).toContain('"gateway.lan"');
  });

  it('resolves localhost by the family of the row', () => {
    expect(one('tcp6  0  0 localhost:ssh  localhost:38134  ESTABLISHED').sockets[0]).toMatchObject({
      localAddress: '::1',
      remoteAddress: '::1',
    });
  });

  it('warns that a 23-column IPv6 address may have been cut', () => {
    const { warnings } = one('tcp6  0  0 2001:db8:aaa:bbb::1:443 2001:db8::9:5000  ESTABLISHED');
    expect(warnings.map((w) => w.message)).toEqual([
      'an address fills the 23-column field and may be cut short; netstat -W prints it whole',
    ]);
  });
});
