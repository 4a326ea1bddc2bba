import type { OsName } from '@tcpfleet/model';
import type { Profile } from './profile';
import * as unix from './unix-profiles';
import * as windows from './windows-profiles';

export type Role = 'web' | 'db' | 'cache' | 'batch';

/** Share of the fleet per role, and which systems each role runs on (weights). */
export const ROLE_SHARES: Readonly<Record<Role, number>> = { web: 0.4, db: 0.15, cache: 0.15, batch: 0.3 };

export const ROLE_SYSTEMS: Readonly<Record<Role, Partial<Record<OsName, number>>>> = {
  web: { linux: 0.8, windows: 0.14, freebsd: 0.06 },
  db: { linux: 0.82, windows: 0.18 },
  cache: { linux: 0.9, freebsd: 0.1 },
  batch: { linux: 0.75, darwin: 0.15, windows: 0.1 },
};

/** What a host of this role runs on this system. Caches never run on Windows in this fleet. */
export function profileOf(role: Role, os: OsName): Profile {
  if (os !== 'windows') return unix[role];
  return role === 'cache' ? unix.cache : windows[role];
}
