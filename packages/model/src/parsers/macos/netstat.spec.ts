import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { ParseResult } from '../../socket';
import { TcpState } from '../../states/tcp-state';
import { parseMacosNetstat } from './netstat';
import { itFindsNothingInJunk } from '../../../test/support/parser-checks';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../test/fixtures/macos', name), 'latin1');
const byState = (result: ParseResult) =>
  result.sockets.reduce<Record<string, number>>(
    (acc, s) => ({ ...acc, [s.state]: (acc[s.state] ?? 0) + 1 }),
    {},
  );

describe('parseMacosNetstat on macOS 26.4 netstat -anv -p tcp (process:pid layout)', () => {
  const result = parseMacosNetstat(fixture('macos26.4-netstat-anv-p-tcp.txt'));

  it('reads every row without warnings', () => {
    expect(result.format).toBe('macos-netstat');
    expect(result.warnings).toEqual([]);
    expect(byState(result)).toEqual({ ESTABLISHED: 1, LISTEN: 4 });
  });

  it('takes the TCP state from (state), not the hex so_state column', () => {
    expect(result.sockets[0]).toEqual({
      family: 'ipv4',
      localAddress: '100.71.48.2',
      localPort: 22,
      remoteAddress: '100.78.88.70',
      remotePort: 33556,
      state: TcpState.ESTABLISHED,
      rawState: 'ESTABLISHED',
      recvQueue: 0,
      sendQueue: 168,
      pid: 4976,
      process: 'sshd-session',
    });
  });

  it('splits process:pid at the last colon, names with dots included', () => {
    expect(result.sockets.map((s) => [s.process, s.pid])).toEqual([
      ['sshd-session', 4976],
      ['node', 53082],
      ['ARDAgent', 1039],
      ['io.tailscale.ipn', 1232],
      ['kdc', 910],
    ]);
  });

  it('reads tcp46 and tcp6 wildcards as IPv6 sockets', () => {
    const dual = result.sockets[2];
    expect(dual).toMatchObject({
      family: 'ipv6',
      localAddress: '::',
      localPort: 3283,
      remoteAddress: '::',
      remotePort: 0,
    });
    expect(result.sockets[4]).toMatchObject({ family: 'ipv6', localPort: 88, state: TcpState.LISTEN });
  });
});

describe('parseMacosNetstat on macOS 10.14 netstat -An (cut addresses)', () => {
  const result = parseMacosNetstat(fixture('osx10.14.6-netstat-An.jc.txt'));

  it('keeps the IPv4 rows and refuses the IPv6 rows whose hosts netstat cut mid-group', () => {
    expect(byState(result)).toEqual({ ESTABLISHED: 16, CLOSE_WAIT: 6 });
    const refused = result.warnings.filter((w) => w.message.startsWith('cannot read address'));
    expect(refused).toHaveLength(27);
    expect(refused[0]).toEqual({
      line: 7,
      message: 'cannot read address "2600:1700:bab0:d.5" (cut by netstat without -W, or a name without -n?)',
    });
  });

  it('warns that 18-character -A endpoints may have lost digits', () => {
    const cut = result.warnings.filter((w) => w.message.includes('may have been cut'));
    expect(cut[0]).toEqual({
      line: 3,
      message: 'address "192.168.1.221.5486" fills its column and may have been cut by netstat (use -W)',
    });
    expect(cut.every((w) => w.line >= 3 && w.line <= 51)).toBe(true);
  });

  it('reads Recv-Q of the CLOSE_WAIT rows', () => {
    const closeWait = result.sockets.filter((s) => s.state === TcpState.CLOSE_WAIT);
    expect(closeWait.map((s) => s.recvQueue)).toEqual([31, 0, 0, 0, 0, 31]);
  });
});

describe('parseMacosNetstat formats and edge cases', () => {
  const header =
    'Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)     rhiwat shiwat    pid   epid  state    options\n';

  it('reads the pid of the older -v layout from its own column', () => {
    const text = `${header}tcp4       0      0  10.0.0.5.49152         17.57.144.20.5223      ESTABLISHED 131072 131328    312      0 0x0102 0x00000004\n`;
    expect(parseMacosNetstat(text).sockets[0]).toMatchObject({ pid: 312, state: TcpState.ESTABLISHED });
  });

  it('keeps IPv6 zones and reads process names with spaces', () => {
    const text =
      'Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)          rxbytes      txbytes  rhiwat  shiwat          process:pid    state  options           gencnt    flags   flags1 usecnt rtncnt fltrs\n' +
      'tcp6       0      0  fe80::1%lo0.631        *.*                    LISTEN                 0            0  131072  131072 Google Chrome H:77   00180 00000006 0000000000000da5 00000001 00000800      1      0 000000\n';
    const [socket] = parseMacosNetstat(text).sockets;
    expect(socket).toMatchObject({
      localAddress: 'fe80::1%lo0',
      localPort: 631,
      process: 'Google Chrome H',
      pid: 77,
    });
  });

  it('skips UDP rows and UNIX-domain sections silently', () => {
    const text =
      'Active Internet connections (including servers)\n' +
      header +
      'udp4       0      0  *.5353                 *.*                               \n' +
      'Active LOCAL (UNIX) domain sockets\n' +
      'Address          Type   Recv-Q Send-Q            Inode             Conn             Refs          Nextref Addr\n' +
      '7fb03cb95130f2c5 stream      1      0                0 7fb03cb95130d6a5                0                0\n';
    expect(parseMacosNetstat(text)).toEqual({ format: 'macos-netstat', sockets: [], warnings: [] });
  });

  it('reads a row pasted without its header', () => {
    const [socket] = parseMacosNetstat(
      'tcp4       0      0  127.0.0.1.8080         *.*                    LISTEN\n',
    ).sockets;
    expect(socket).toMatchObject({ localAddress: '127.0.0.1', localPort: 8080, state: TcpState.LISTEN });
  });
});

describe('parseMacosNetstat on the not-ok set', () => {
  it('warns on truncated rows with their line numbers and keeps the good ones', () => {
    const result = parseMacosNetstat(fixture('not-ok/truncated-rows.txt'));
    expect(result.sockets.map((s) => s.localPort)).toEqual([51836, 22]);
    expect(result.warnings.map((w) => w.line)).toEqual([4, 5]);
  });

  it('keeps an unknown state as UNKNOWN with its raw text and a warning', () => {
    const result = parseMacosNetstat(fixture('not-ok/wrong-columns.txt'));
    expect(result.sockets[0]).toMatchObject({ state: TcpState.UNKNOWN, rawState: 'LISTENING' });
    expect(result.sockets[1]).toMatchObject({ state: TcpState.LISTEN });
    expect(result.warnings).toEqual([
      { line: 3, message: 'unknown TCP state "LISTENING" (kept as UNKNOWN)' },
      {
        line: 4,
        message: 'cannot read address "127.0.0.1.99999" (cut by netstat without -W, or a name without -n?)',
      },
    ]);
  });

  it('reads CRLF text like LF text', () => {
    expect(parseMacosNetstat(fixture('not-ok/crlf.txt')).sockets.map((s) => s.localPort)).toEqual([
      51836, 3283,
    ]);
  });

  it('warns about a process:pid value without a pid', () => {
    const result = parseMacosNetstat(fixture('not-ok/bad-process-pid.txt'));
    expect(result.sockets.map((s) => s.pid)).toEqual([undefined, 53082]);
    expect(result.warnings).toEqual([{ line: 3, message: 'cannot read the process:pid column "node"' }]);
  });

  itFindsNothingInJunk(parseMacosNetstat, 'macos', 'macos-netstat');
});

describe('parseMacosNetstat properties', () => {
  it('never throws, whatever the text', () => {
    fc.assert(fc.property(fc.string(), (text) => Array.isArray(parseMacosNetstat(text).sockets)));
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('tcp4', 'tcp6', '0', '*.*', '1.2.3.4.5', 'LISTEN', ':', '.', ' ', '\n')),
        (parts) => Array.isArray(parseMacosNetstat(parts.join(' ')).warnings),
      ),
    );
  });

  it('reads back generated rows', () => {
    const state = fc.constantFrom(
      'LISTEN',
      'ESTABLISHED',
      'CLOSE_WAIT',
      'TIME_WAIT',
      'SYN_SENT',
      'FIN_WAIT_2',
    );
    fc.assert(
      fc.property(
        fc.ipV4(),
        fc.nat(65535),
        fc.ipV4(),
        fc.nat(65535),
        state,
        fc.nat(99999),
        (la, lp, ra, rp, st, q) => {
          const row = `tcp4  ${q}  0  ${la}.${lp}  ${ra}.${rp}  ${st}`;
          const [socket] = parseMacosNetstat(row).sockets;
          return (
            socket !== undefined &&
            socket.localAddress === la &&
            socket.localPort === lp &&
            socket.remoteAddress === ra &&
            socket.remotePort === rp &&
            socket.rawState === st &&
            socket.recvQueue === q
          );
        },
      ),
    );
  });
});
