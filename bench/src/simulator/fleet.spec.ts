import { DEFAULT_EPHEMERAL_RANGES } from '@tcpfleet/model';
import { buildFleet, REGIONS, roleCounts } from './fleet';
import { assignIncidents, INCIDENT_RULES, INCIDENTS, parseIncidents } from './incidents';
import { ROLE_SHARES, type Role } from './roles';

describe('buildFleet', () => {
  it('splits any fleet by the role shares, every role present from 4 hosts', () => {
    for (const size of [4, 12, 97, 10_000]) {
      const counts = roleCounts(size);
      expect(Object.values(counts).reduce((sum, n) => sum + n, 0)).toBe(size);
      for (const role of Object.keys(ROLE_SHARES) as Role[]) {
        expect(counts[role]).toBeGreaterThanOrEqual(1);
        expect(Math.abs(counts[role] - ROLE_SHARES[role] * size)).toBeLessThan(1);
      }
    }
  });

  it('names hosts like web-07.eu-west, uniquely, with role, region and env labels', () => {
    const hosts = buildFleet(500, 3);
    expect(new Set(hosts.map((host) => host.hostname)).size).toBe(500);
    expect(new Set(hosts.map((host) => host.address)).size).toBe(500);
    for (const host of hosts) {
      expect(host.hostname).toMatch(/^(web|db|cache|batch)-\d{2,}\.[a-z]+-[a-z]+$/);
      expect(host.hostname.startsWith(`${host.role}-`)).toBe(true);
      expect(host.hostname.endsWith(`.${host.region}`)).toBe(true);
      expect(REGIONS).toContain(host.region);
      expect(host.labels).toMatchObject({ role: host.role, region: host.region });
      expect(['prod', 'staging']).toContain(host.labels.env);
    }
    expect(buildFleet(12, 3)[0].hostname).toBe('web-01.eu-west');
  });

  it('mixes systems, each with its own ephemeral range', () => {
    const hosts = buildFleet(2000, 5);
    expect(new Set(hosts.map((host) => host.os))).toEqual(new Set(['linux', 'windows', 'freebsd', 'darwin']));
    for (const host of hosts) {
      const tuned = host.os === 'linux' && host.role === 'web' && host.ephemeralRange.low === 10240;
      if (!tuned) expect(host.ephemeralRange).toEqual(DEFAULT_EPHEMERAL_RANGES[host.os]);
      if (host.os === 'windows') expect(host.machineId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
      if (host.os === 'linux') expect(host.machineId).toMatch(/^[0-9a-f]{32}$/);
    }
  });
});

describe('incidents', () => {
  it('strikes each incident’s role, at least one host each, never one host twice', () => {
    for (const size of [12, 1000]) {
      const hosts = buildFleet(size, 11);
      assignIncidents(hosts, INCIDENTS, 11);
      for (const name of INCIDENTS) {
        const struck = hosts.filter((host) => host.incidents.includes(name));
        const eligible = hosts.filter((host) => host.role === INCIDENT_RULES[name].role).length;
        expect(struck.length).toBeGreaterThanOrEqual(1);
        expect(struck.length).toBeLessThanOrEqual(
          Math.max(1, Math.ceil(eligible * INCIDENT_RULES[name].share)),
        );
        for (const host of struck) expect(host.role).toBe(INCIDENT_RULES[name].role);
      }
      for (const host of hosts) expect(host.incidents.length).toBeLessThanOrEqual(1);
    }
  });

  it('reads all, none or a list, and names the accepted ones for a typo', () => {
    expect(parseIncidents('all')).toEqual(INCIDENTS);
    expect(parseIncidents('none')).toEqual([]);
    expect(parseIncidents('syn-flood, time-wait-pile')).toEqual(['syn-flood', 'time-wait-pile']);
    expect(() => parseIncidents('syn-flod')).toThrow(/close-wait-leak, syn-flood, time-wait-pile/);
  });
});
