import type { OsName } from '@tcpfleet/model';
import type { Platform } from './collector';
import { bsdEphemeralRange } from './ephemeral_bsd';
import { illumosEphemeralRange } from './ephemeral_illumos';
import { linuxEphemeralRange } from './ephemeral_linux';
import { windowsEphemeralRange } from './ephemeral_windows';
import { commandHost } from './host_commands';
import { linuxHost } from './host_linux';
import { darwinSockets } from './sockets_darwin';
import { freebsdSockets } from './sockets_freebsd';
import { illumosSockets } from './sockets_illumos';
import { linuxSockets } from './sockets_linux';
import { windowsSockets } from './sockets_windows';

/** Each OS's collectors, listed here explicitly rather than registered by importing a file. */
export const PLATFORMS: Readonly<Record<OsName, Platform>> = {
  linux: { sockets: linuxSockets, ephemeralRange: linuxEphemeralRange, host: linuxHost },
  darwin: { sockets: darwinSockets, ephemeralRange: bsdEphemeralRange, host: commandHost('darwin') },
  freebsd: { sockets: freebsdSockets, ephemeralRange: bsdEphemeralRange, host: commandHost('freebsd') },
  windows: { sockets: windowsSockets, ephemeralRange: windowsEphemeralRange, host: commandHost('windows') },
  illumos: { sockets: illumosSockets, ephemeralRange: illumosEphemeralRange, host: commandHost('illumos') },
};

const NODE_PLATFORMS: Partial<Record<NodeJS.Platform, OsName>> = {
  linux: 'linux',
  darwin: 'darwin',
  freebsd: 'freebsd',
  win32: 'windows',
  // Node reports illumos and Solaris alike as "sunos".
  sunos: 'illumos',
};

export function osOf(platform: NodeJS.Platform): OsName | undefined {
  return NODE_PLATFORMS[platform];
}
