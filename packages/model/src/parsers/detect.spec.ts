import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FormatName } from '../socket';
import { detectFormat } from './detect';

const fixtures = join(__dirname, '../../test/fixtures');

describe('detectFormat', () => {
  it.each([
    [
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
      'linux-proc',
    ],
    [
      '   0: 0100007F:0277 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 34523 1',
      'linux-proc',
    ],
    ['State  Recv-Q Send-Q Local Address:Port  Peer Address:Port Process', 'linux-ss'],
    ['ESTAB 0      0      127.0.0.1:5432     127.0.0.1:40110', 'linux-ss'],
    ['tcp   LISTEN 0      4096   [::]:22      [::]:*', 'linux-ss'],
    ['u_str ESTAB 0      0      * 31337        * 31338', undefined],
    ['nl    UNCONN 0      0      rtnl:kernel  *', undefined],
    ['tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN', 'linux-netstat'],
    ['tcp4       0      0  127.0.0.1.51836        *.*                    LISTEN', 'macos-netstat'],
    ['tcp4       0      0 127.0.0.1.25           *.*                    LISTEN', 'freebsd-netstat'],
    ['  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       1044', 'windows-netstat'],
    [
      'LocalAddress LocalPort RemoteAddress RemotePort State AppliedSetting OwningProcess',
      'powershell-table',
    ],
    ['[{"LocalAddress":"::","LocalPort":445,"State":2}]', 'powershell-json'],
    ['TCP: IPv4', 'illumos-netstat'],
    ['USER     COMMAND    PID   FD PROTO  LOCAL ADDRESS         FOREIGN ADDRESS', 'freebsd-sockstat'],
  ])('recognises %j as %s', (line, format) => {
    expect(detectFormat(`${line}\n`)).toBe(format);
  });

  it('gives up on text that is no socket listing', () => {
    expect(detectFormat('')).toBeUndefined();
    expect(detectFormat('hello\nworld\n')).toBeUndefined();
    expect(detectFormat('\u0000\u0001\u0002')).toBeUndefined();
  });

  it.each(capturedFixtures())('recognises the captured %s as %s', (file, format) => {
    expect(detectFormat(readFileSync(join(fixtures, file), 'utf8'))).toBe(format);
  });
});

/** Every real capture (and hand-built sample) of the project, with the format its folder and name say. */
function capturedFixtures(): [string, FormatName][] {
  const formatOf = (os: string, name: string): FormatName => {
    if (os === 'linux')
      return name.includes('proc') ? 'linux-proc' : name.includes('ss-') ? 'linux-ss' : 'linux-netstat';
    if (os === 'freebsd') return name.includes('sockstat') ? 'freebsd-sockstat' : 'freebsd-netstat';
    if (os === 'windows') {
      if (!name.includes('powershell')) return 'windows-netstat';
      return name.endsWith('.json') ? 'powershell-json' : 'powershell-table';
    }
    return os === 'macos' ? 'macos-netstat' : 'illumos-netstat';
  };
  return ['linux', 'macos', 'freebsd', 'windows', 'illumos'].flatMap((os) =>
    readdirSync(join(fixtures, os))
      .filter((name) => /\.(txt|json)$/.test(name) && !name.endsWith('.source.txt'))
      .map((name): [string, FormatName] => [`${os}/${name}`, formatOf(os, name)]),
  );
}
