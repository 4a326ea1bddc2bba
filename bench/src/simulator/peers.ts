import type { AddressFamily } from '@tcpfleet/model';
import type { Peer } from './profile';
import type { Random } from './random';

export interface Endpoint {
  family: AddressFamily;
  address: string;
}

/*
 * Addresses outside the fleet come from the documentation ranges, so simulated traffic never names a
 * real network: IPv4 TEST-NET-1/2/3 (RFC 5737) and IPv6 2001:db8::/32 (RFC 3849). The fleet itself
 * lives in 10.0.0.0/8 (RFC 1918), one /16 per region.
 */
const TEST_NETS = ['192.0.2', '198.51.100', '203.0.113'];

/** Shared services of a region: a few addresses each, the first one being the busiest. */
const SERVICE_SUBNETS: Partial<Record<Peer, { third: number; first: number; size: number }>> = {
  db: { third: 8, first: 10, size: 4 },
  cache: { third: 9, first: 10, size: 3 },
  storage: { third: 10, first: 5, size: 4 },
  broker: { third: 11, first: 10, size: 3 },
  logs: { third: 12, first: 10, size: 2 },
  consul: { third: 13, first: 10, size: 3 },
};

/** The address a host of the given region reaches `peer` at, or is reached from. */
export function peerEndpoint(peer: Peer, region: number, random: Random): Endpoint {
  const v4 = (address: string): Endpoint => ({ family: 'ipv4', address });
  switch (peer) {
    case 'internet':
      if (random.chance(0.05)) {
        const groups = [random.int(1, 0xffff), random.int(0, 0xffff), random.int(1, 0xffff)];
        return { family: 'ipv6', address: `2001:db8:${groups.map((g) => g.toString(16)).join(':')}::1` };
      }
      return v4(`${random.pick(TEST_NETS)}.${random.int(1, 254)}`);
    case 'upstream':
      return v4(`203.0.113.${random.int(10, 12)}`);
    case 'fleet':
      return v4(`10.${region}.${random.int(1, 63)}.${random.int(2, 254)}`);
    case 'monitor':
      return v4(`10.${region}.0.5`);
    case 'admin':
      return v4(`10.250.0.${random.int(10, 40)}`);
    default: {
      const subnet = SERVICE_SUBNETS[peer];
      if (!subnet) throw new Error(`no addresses for peer ${peer}`);
      return v4(`10.${region}.${subnet.third}.${subnet.first + random.int(0, subnet.size - 1)}`);
    }
  }
}

/** The busiest address of a regional service: where a pile-up towards one destination goes. */
export function primaryAddress(peer: 'db' | 'cache' | 'storage' | 'broker', region: number): string {
  const subnet = SERVICE_SUBNETS[peer];
  if (!subnet) throw new Error(`no addresses for peer ${peer}`);
  return `10.${region}.${subnet.third}.${subnet.first}`;
}

/**
 * The client port a peer connects from: Linux servers' default ephemeral range inside the fleet
 * (net/ipv4/af_inet.c, 32768-60999), admins' laptops the IANA dynamic range (RFC 6335, 49152-65535),
 * and anything through the internet's NATs any unprivileged port.
 */
export function clientPort(peer: Peer, random: Random): number {
  if (peer === 'internet') return random.int(1024, 65535);
  if (peer === 'admin') return random.int(49152, 65535);
  return random.int(32768, 60999);
}
