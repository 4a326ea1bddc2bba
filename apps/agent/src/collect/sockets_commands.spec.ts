import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARSERS, TcpState, type FormatName } from '@tcpfleet/model';
import { linuxOptions } from '../../test/fixtures';
import type { SocketCollector } from './collector';
import type { CommandRunner } from './runner';
import { darwinSockets } from './sockets_darwin';
import { freebsdSockets } from './sockets_freebsd';
import { illumosSockets } from './sockets_illumos';
import { windowsSockets } from './sockets_windows';
import { parseDynamicPorts } from './ephemeral_windows';
import { pickMachineId } from './host_commands';

const COMMANDS = join(__dirname, '..', '..', 'test', 'fixtures', 'commands');
const capture = (file: string) => readFileSync(join(COMMANDS, file), 'utf8');

/** Answers each command line with its captured output; any other command fails, as a missing tool would. */
function recorded(outputs: Record<string, string>): { run: CommandRunner; ran: string[] } {
  const ran: string[] = [];
  const run: CommandRunner = async (command, args) => {
    const line = [command, ...args].join(' ');
    ran.push(line);
    const file = Object.entries(outputs).find(([prefix]) => line.startsWith(prefix))?.[1];
    if (file === undefined) throw new Error(`${command}: not found`);
    return capture(file);
  };
  return { run, ran };
}

async function collect(
  make: (options: ReturnType<typeof linuxOptions>) => SocketCollector,
  run: CommandRunner,
) {
  return make(linuxOptions('/nonexistent', { run })).collect();
}

function expectParsed(format: FormatName, file: string, sockets: unknown[]) {
  expect(sockets.length).toBeGreaterThan(0);
  expect(sockets).toHaveLength(PARSERS[format](capture(file)).sockets.length);
}

describe('collectors that read native commands, on captured output', () => {
  it('macOS: netstat -anv -p tcp, owners from its process:pid column', async () => {
    const { run, ran } = recorded({ 'netstat -anv -p tcp': 'macos26.4-netstat-anv-p-tcp.txt' });
    const result = await collect(darwinSockets, run);
    expect(ran).toEqual(['netstat -anv -p tcp']);
    expect(result.source).toBe('macos-netstat');
    expectParsed('macos-netstat', 'macos26.4-netstat-anv-p-tcp.txt', result.sockets.all());
    expect(result.sockets.all().some((s) => s.pid !== undefined && s.process !== undefined)).toBe(true);
    expect(result.attribution).not.toBe('none');
  });

  it('FreeBSD: states from netstat, owners joined from sockstat where it lists the connection', async () => {
    const { run, ran } = recorded({
      'netstat -an -p tcp': 'freebsd12-netstat-an.jc.txt',
      'sockstat -46 -P tcp': 'freebsd-sockstat-l4.minecraft-jail.txt',
    });
    const result = await collect(freebsdSockets, run);
    expect(ran).toEqual(['netstat -an -p tcp', 'sockstat -46 -P tcp']);
    expectParsed('freebsd-netstat', 'freebsd12-netstat-an.jc.txt', result.sockets.all());
    // The two captures come from different machines: no connection matches, and the result says so.
    expect(result.sockets.all().every((s) => s.pid === undefined)).toBe(true);
    expect(result.attribution).toBe('none');
  });

  it('FreeBSD: a failing sockstat leaves the sockets without owners and warns', async () => {
    const { run } = recorded({ 'netstat -an -p tcp': 'freebsd12-netstat-an.jc.txt' });
    const result = await collect(freebsdSockets, run);
    expect(result.attribution).toBe('none');
    expect(result.warnings.join('\n')).toMatch(/sockstat: sockstat: not found/);
  });

  it('Windows: Get-NetTCPConnection as JSON, named through Get-Process', async () => {
    const { run } = recorded({
      'powershell.exe -NoProfile -NonInteractive -Command Get-NetTCPConnection':
        'powershell-get-nettcpconnection-convertto-json.handbuilt.json',
    });
    const result = await collect(windowsSockets, run);
    expect(result.source).toBe('powershell-json');
    expectParsed(
      'powershell-json',
      'powershell-get-nettcpconnection-convertto-json.handbuilt.json',
      result.sockets.all(),
    );
    expect(result.warnings.join('\n')).toMatch(/Get-Process/);
  });

  it('Windows: netstat -ano when PowerShell is missing', async () => {
    const { run, ran } = recorded({ 'netstat.exe -ano': 'windows10-netstat-aon.jc.txt' });
    const result = await collect(windowsSockets, run);
    expect(ran[1]).toBe('netstat.exe -ano');
    expect(result.source).toBe('windows-netstat');
    expectParsed('windows-netstat', 'windows10-netstat-aon.jc.txt', result.sockets.all());
    expect(
      result.sockets
        .all()
        .filter((s) => s.state !== TcpState.TIME_WAIT)
        .every((s) => s.pid !== undefined),
    ).toBe(true);
  });

  it('illumos: netstat -an -P tcp, no owners', async () => {
    const { run } = recorded({ 'netstat -an -P tcp': 'omnios-r151020-netstat-na.txt' });
    const result = await collect(illumosSockets, run);
    expect(result.source).toBe('illumos-netstat');
    expectParsed('illumos-netstat', 'omnios-r151020-netstat-na.txt', result.sockets.all());
    expect(result.attribution).toBe('none');
  });
});

describe('host facts from native commands', () => {
  it('reads the Windows dynamic port range as start and count', () => {
    // The layout of `netsh int ipv4 show dynamicport tcp` in Microsoft's documentation (KB 929851).
    const text =
      '\nProtocol tcp Dynamic Port Range\n---------------------------------\nStart Port      : 49152\nNumber of Ports : 16384\n';
    expect(parseDynamicPorts(text)).toEqual({ low: 49152, high: 65535 });
  });

  it('picks machine ids out of ioreg and reg query output', () => {
    const ioreg = '  |   "IOPlatformUUID" = "A1B2C3D4-0000-1111-2222-333344445555"\n';
    expect(pickMachineId('darwin', ioreg)).toBe('a1b2c3d4-0000-1111-2222-333344445555');
    const reg =
      '\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Cryptography\n    MachineGuid    REG_SZ    6f1e2d3c-aaaa-bbbb-cccc-0123456789ab\n';
    expect(pickMachineId('windows', reg)).toBe('6f1e2d3c-aaaa-bbbb-cccc-0123456789ab');
  });
});
