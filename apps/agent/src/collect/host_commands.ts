import { release } from 'node:os';
import type { CollectorOptions, HostInfo } from './collector';

/**
 * Machine identities outside Linux, each read with the OS's own command and picked out of its
 * output by a pure function:
 * - macOS: IOPlatformUUID of IOPlatformExpertDevice (`ioreg -rd1 -c IOPlatformExpertDevice`);
 * - FreeBSD: kern.hostuuid (`sysctl -n kern.hostuuid`, set from /etc/hostid at boot by rc.d/hostid);
 * - Windows: MachineGuid under HKLM\SOFTWARE\Microsoft\Cryptography (`reg query`);
 * - illumos: the host id (`hostid`, hostid(1)).
 */
const COMMANDS = {
  darwin: {
    command: 'ioreg',
    args: ['-rd1', '-c', 'IOPlatformExpertDevice'],
    pick: /"IOPlatformUUID"\s*=\s*"([^"]+)"/,
  },
  freebsd: { command: 'sysctl', args: ['-n', 'kern.hostuuid'], pick: /^\s*([0-9a-fA-F-]{36})\s*$/m },
  windows: {
    command: 'reg',
    args: ['query', 'HKLM\\SOFTWARE\\Microsoft\\Cryptography', '/v', 'MachineGuid'],
    pick: /MachineGuid\s+REG_SZ\s+(\S+)/,
  },
  illumos: { command: 'hostid', args: [], pick: /^\s*([0-9a-fA-F]{8})\s*$/m },
} as const;

export type CommandOs = keyof typeof COMMANDS;

export function commandHost(os: CommandOs): (options: CollectorOptions) => Promise<HostInfo> {
  return async (options) => {
    const { command, args } = COMMANDS[os];
    const machineId = pickMachineId(os, await options.run(command, args).catch(() => ''));
    return machineId === undefined ? { osVersion: release() } : { osVersion: release(), machineId };
  };
}

export function pickMachineId(os: CommandOs, output: string): string | undefined {
  return COMMANDS[os].pick.exec(output)?.[1]?.toLowerCase();
}
