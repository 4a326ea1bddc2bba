import { DEFAULT_EPHEMERAL_RANGES, type OsName, type PortRange } from '@tcpfleet/model';
import type { IncidentName } from './incidents';
import { Random } from './random';
import { ROLE_SHARES, ROLE_SYSTEMS, type Role } from './roles';

export const REGIONS = ['eu-west', 'eu-central', 'us-east', 'us-west', 'ap-south'] as const;

export interface SimHost {
  index: number;
  hostname: string;
  role: Role;
  region: string;
  /** Index into REGIONS: the second octet of the host's and its services' addresses. */
  regionIndex: number;
  os: OsName;
  osVersion: string;
  machineId: string;
  address: string;
  address6: string;
  ephemeralRange: PortRange;
  labels: Record<string, string>;
  /** Scripted incidents this host shows; set by `assignIncidents`. */
  incidents: IncidentName[];
}

const OS_VERSIONS: Readonly<Record<OsName, readonly string[]>> = {
  linux: ['6.1.0-28-amd64', '5.15.0-126-generic', '6.8.0-51-generic', '5.14.0-503.14.1.el9_5.x86_64'],
  windows: ['10.0.20348', '10.0.17763'],
  freebsd: ['14.1-RELEASE-p6', '13.4-RELEASE'],
  darwin: ['23.6.0', '24.1.0'],
  illumos: ['5.11'],
};

/**
 * How many hosts of each role a fleet of `size` has: one of each role first (from 4 hosts on), the
 * rest by the shares, rounded by largest remainder.
 */
export function roleCounts(size: number): Record<Role, number> {
  const roles = Object.keys(ROLE_SHARES) as Role[];
  const base = size >= roles.length ? 1 : 0;
  const rest = size - base * roles.length;
  const exact = roles.map((role) => ROLE_SHARES[role] * rest);
  const counts = exact.map(Math.floor);
  const byRemainder = roles.map((_, i) => i).sort((a, b) => exact[b] - counts[b] - (exact[a] - counts[a]));
  for (let i = 0; counts.reduce((s, n) => s + n, 0) < rest; i++) counts[byRemainder[i % roles.length]] += 1;
  return Object.fromEntries(roles.map((role, i) => [role, counts[i] + base])) as Record<Role, number>;
}

/** A deterministic fleet: the same seed and size give the same hosts in the same order. */
export function buildFleet(size: number, seed: number): SimHost[] {
  const counts = roleCounts(size);
  const hosts: SimHost[] = [];
  for (const role of Object.keys(counts) as Role[]) {
    const perRegion = Math.ceil(counts[role] / REGIONS.length);
    const width = Math.max(2, String(perRegion).length);
    for (let n = 0; n < counts[role]; n++) {
      const regionIndex = n % REGIONS.length;
      const number = Math.floor(n / REGIONS.length) + 1;
      hosts.push(buildHost(hosts.length, role, regionIndex, number, width, seed));
    }
  }
  return hosts;
}

function buildHost(
  index: number,
  role: Role,
  regionIndex: number,
  number: number,
  width: number,
  seed: number,
): SimHost {
  const random = Random.of(seed, 'host', index);
  const region = REGIONS[regionIndex];
  const os = random.weighted(ROLE_SYSTEMS[role] as Record<OsName, number>);
  const env = random.chance(0.1) ? 'staging' : 'prod';
  const roleIndex = Object.keys(ROLE_SHARES).indexOf(role);
  const subnet = 16 + roleIndex * 32 + Math.floor((number - 1) / 250);
  return {
    index,
    hostname: `${role}-${String(number).padStart(width, '0')}.${region}`,
    role,
    region,
    regionIndex,
    os,
    osVersion: random.pick(OS_VERSIONS[os]),
    machineId: machineIdOf(os, random),
    address: `10.${regionIndex}.${subnet}.${((number - 1) % 250) + 2}`,
    address6: `2001:db8:a${regionIndex}::${(index + 1).toString(16)}`,
    ephemeralRange: ephemeralRangeOf(os, role, random),
    labels: { role, region, env, simulated: 'true' },
    incidents: [],
  };
}

/**
 * Most hosts keep their system's default ephemeral range; a share of the Linux web tier widens it
 * (net.ipv4.ip_local_port_range), as busy proxies often do.
 */
function ephemeralRangeOf(os: OsName, role: Role, random: Random): PortRange {
  if (os === 'linux' && role === 'web' && random.chance(0.2)) return { low: 10240, high: 65000 };
  return { ...DEFAULT_EPHEMERAL_RANGES[os] };
}

/** In each system's own format: /etc/machine-id (32 hex), MachineGuid, IOPlatformUUID, kern.hostuuid. */
function machineIdOf(os: OsName, random: Random): string {
  const hex = random.bytes(16).toString('hex');
  if (os === 'linux' || os === 'illumos') return hex;
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return os === 'darwin' ? uuid.toUpperCase() : uuid;
}
