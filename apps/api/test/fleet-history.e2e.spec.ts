import { Direction, TcpState, type SnapshotV1 } from '@tcpfleet/model';
import pg from 'pg';
import { enroll, graphql, push, request } from './support/http';
import { parseExposition, valueOf } from './support/prometheus';
import { count, snapshot } from './support/snapshots';
import { ADMIN_KEY, startReplica, startTestApi, type TestApi } from './support/test-api';

jest.setTimeout(90_000);

// A rollup every second; a host stops counting 60 s after its snapshot.
const ENV = { TCPFLEET_FLEET_ROLLUP_SECONDS: '1', TCPFLEET_STALE_AFTER_SECONDS: '60' };

const HISTORY = `query($from: DateTime, $to: DateTime, $step: Int!, $states: [TcpState!], $names: [String!],
  $direction: Direction) {
  fleetHistory(from: $from, to: $to, stepSeconds: $step, states: $states, stateNames: $names,
    direction: $direction) {
    stepSeconds
    reporting { at hosts samples }
    states { state points { at sockets minSockets averageSockets hosts samples } }
  }
}`;

interface Point {
  at: string;
  sockets: number;
  minSockets: number;
  averageSockets: number;
  hosts: number;
  samples: number;
}
interface History {
  stepSeconds: number;
  reporting: { at: string; hosts: number; samples: number }[];
  states: { state: string; points: Point[] }[];
}

/** One bucket as read back: hosts reporting, and sockets and hosts per state (states with sockets only). */
type Bucket = { reporting: number; states: Record<string, { sockets: number; hosts: number }> };

/** What a bucket must hold when exactly these snapshots are current: sums of their counts. */
function expectedBucket(snapshots: SnapshotV1[], direction?: Direction): Bucket {
  const states: Bucket['states'] = {};
  for (const snap of snapshots) {
    const seen = new Set<string>();
    for (const c of snap.counts) {
      if (direction && c.direction !== direction) continue;
      const total = (states[c.state] ??= { sockets: 0, hosts: 0 });
      total.sockets += c.count;
      if (!seen.has(c.state)) total.hosts += 1;
      seen.add(c.state);
    }
  }
  return { reporting: snapshots.length, states };
}

/** Buckets by time from a history read with the rollup's own step (one bucket a point). */
function bucketsOf(history: History): Map<string, Bucket> {
  const buckets = new Map<string, Bucket>();
  for (const point of history.reporting) buckets.set(point.at, { reporting: point.hosts, states: {} });
  for (const { state, points } of history.states) {
    for (const point of points) {
      if (point.sockets > 0)
        buckets.get(point.at)!.states[state] = { sockets: point.sockets, hosts: point.hosts };
    }
  }
  return buckets;
}

/** A bucket as text with its states in a fixed order, to compare buckets read in different orders. */
const canonical = (bucket: Bucket): string =>
  JSON.stringify([bucket.reporting, Object.entries(bucket.states).sort(([a], [b]) => (a < b ? -1 : 1))]);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('fleet history written by the rollup job', () => {
  let t: TestApi;
  const q = (variables: Record<string, unknown>) => graphql(t.url, ADMIN_KEY, HISTORY, variables);
  const read = async (variables: Record<string, unknown>): Promise<History> => {
    const answer = await q(variables);
    if (!answer.body.data) throw new Error(JSON.stringify(answer.body));
    return answer.body.data.fleetHistory;
  };

  let started: Date;
  const web1 = (at: Date) =>
    snapshot({
      hostname: 'web-1',
      collectedAt: at,
      counts: [
        count(TcpState.CLOSE_WAIT, 443, 'java', 150),
        count(TcpState.CLOSE_WAIT, 443, 'nginx', 30),
        count(TcpState.ESTABLISHED, 443, 'nginx', 500),
        count(TcpState.TIME_WAIT, 5432, null, 40, Direction.OUTBOUND),
      ],
    });
  const web2 = (at: Date) =>
    snapshot({
      hostname: 'web-2',
      collectedAt: at,
      counts: [
        count(TcpState.CLOSE_WAIT, 443, 'java', 60),
        count(TcpState.CLOSE_WAIT, 8080, 'curl', 7, Direction.OUTBOUND),
        count(TcpState.ESTABLISHED, 22, 'sshd', 3),
      ],
    });
  const fading = (at: Date) =>
    snapshot({
      hostname: 'fading-1',
      collectedAt: at,
      counts: [count(TcpState.CLOSE_WAIT, 443, 'x', 1000), count(TcpState.SYN_RECEIVED, 443, 'x', 20)],
    });
  /** The fleet as it grows push by push, then loses the fading host. */
  let stages: Bucket[];

  beforeAll(async () => {
    t = await startTestApi(ENV);
    const tokens = [
      await enroll(t.url, 'fading-1'),
      await enroll(t.url, 'web-1'),
      await enroll(t.url, 'web-2'),
    ];
    started = new Date(Math.floor(Date.now() / 1000) * 1000);
    // The fading host's snapshot is 55 s old: current for 5 s more, then stale.
    const snaps = [fading(new Date(Date.now() - 55_000)), web1(new Date()), web2(new Date())];
    stages = [[], snaps.slice(0, 1), snaps.slice(0, 2), snaps, snaps.slice(1)].map((current) =>
      expectedBucket(current),
    );
    for (let i = 0; i < snaps.length; i++) expect((await push(t.url, tokens[i], snaps[i])).status).toBe(200);
    // Wait until the fading host has dropped out of the newest bucket.
    const end = Date.now() + 20_000;
    for (;;) {
      const history = await read({ from: started.toISOString(), step: 1 });
      const last = history.reporting.at(-1);
      if ((last?.hosts === 2 && history.reporting.some((p) => p.hosts === 3)) || Date.now() > end) break;
      await sleep(250);
    }
  });
  afterAll(() => t?.stop());

  it('writes every bucket with the exact sums of what the reporting hosts pushed, a stale host left out', async () => {
    const history = await read({ from: started.toISOString(), step: 1 });
    expect(history.stepSeconds).toBe(1);
    const buckets = [...bucketsOf(history).values()];
    expect(buckets.length).toBeGreaterThanOrEqual(5);
    // Each bucket is one stage of the fleet, in order; all of them full ones or in between pushes.
    let stage = 0;
    for (const bucket of buckets) {
      const at = stages.findIndex((expected, i) => i >= stage && canonical(expected) === canonical(bucket));
      expect({ bucket, matches: at >= 0 }).toEqual({ bucket, matches: true });
      stage = at;
    }
    expect(buckets).toContainEqual(stages[3]);
    expect(buckets.at(-1)).toEqual(stages[4]);
    expect(stages[3].states[TcpState.CLOSE_WAIT]).toEqual({ sockets: 1247, hosts: 3 });
    // Every point of the 1 s step holds one rollup.
    expect(history.reporting.every((p) => p.samples === 1)).toBe(true);
    expect(history.states.flatMap((s) => s.points).every((p) => p.samples === 1)).toBe(true);
  });

  it('holds, in its newest bucket, what the fleet query answers now', async () => {
    const fleet = (await graphql(t.url, ADMIN_KEY, '{ fleet { hosts totals { state count hosts } } }')).body
      .data.fleet;
    const history = await read({ from: started.toISOString(), step: 1 });
    const last = [...bucketsOf(history).values()].at(-1)!;
    expect(last.reporting).toBe(fleet.hosts);
    const now = Object.fromEntries(
      fleet.totals
        .filter((total: { count: number }) => total.count > 0)
        .map((total: { state: string; count: number; hosts: number }) => [
          total.state,
          { sockets: total.count, hosts: total.hosts },
        ]),
    );
    expect(last.states).toEqual(now);
  });

  it('reads one direction, and the states asked for even without sockets', async () => {
    const history = await read({
      from: started.toISOString(),
      step: 1,
      states: [TcpState.LISTEN, TcpState.TIME_WAIT, TcpState.CLOSE_WAIT],
      direction: Direction.OUTBOUND,
    });
    // In the order of the state model, each with a point for every bucket.
    expect(history.states.map((s) => s.state)).toEqual([
      TcpState.LISTEN,
      TcpState.CLOSE_WAIT,
      TcpState.TIME_WAIT,
    ]);
    for (const { points } of history.states)
      expect(points.map((p) => p.at)).toEqual(history.reporting.map((p) => p.at));
    const last = (state: TcpState) => history.states.find((s) => s.state === state)!.points.at(-1);
    const outbound = expectedBucket([web1(new Date()), web2(new Date())], Direction.OUTBOUND).states;
    expect(outbound).toEqual({ CLOSE_WAIT: { sockets: 7, hosts: 1 }, TIME_WAIT: { sockets: 40, hosts: 1 } });
    expect(last(TcpState.CLOSE_WAIT)).toMatchObject(outbound.CLOSE_WAIT);
    expect(last(TcpState.TIME_WAIT)).toMatchObject(outbound.TIME_WAIT);
    expect(last(TcpState.LISTEN)).toMatchObject({ sockets: 0, hosts: 0, samples: 1 });
  });

  it('sums a wide step from the rollups in it: highest, lowest and mean', async () => {
    const to = new Date();
    const fine = await read({ from: started.toISOString(), to: to.toISOString(), step: 1 });
    const wide = await read({ from: started.toISOString(), to: to.toISOString(), step: 3600 });
    expect(wide.reporting).toEqual([
      {
        at: started.toISOString(),
        hosts: 3,
        samples: fine.reporting.length,
      },
    ]);
    const closeWait = (h: History) => h.states.find((s) => s.state === TcpState.CLOSE_WAIT)!.points;
    const values = fine.reporting.map((p) => closeWait(fine).find((c) => c.at === p.at)?.sockets ?? 0);
    const [point] = closeWait(wide);
    expect(point).toMatchObject({
      at: started.toISOString(),
      sockets: Math.max(...values),
      minSockets: Math.min(...values),
      hosts: 3,
      samples: values.length,
    });
    expect(point.averageSockets).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 6);
  });

  it('takes the states in any OS spelling', async () => {
    const history = await read({ from: started.toISOString(), step: 60, names: ['FIN_WAIT', 'close-wait'] });
    expect(history.states.map((s) => s.state)).toEqual([
      TcpState.FIN_WAIT_1,
      TcpState.FIN_WAIT_2,
      TcpState.CLOSE_WAIT,
    ]);
    const unknown = await q({ step: 60, names: ['SYN_RECIEVED'] });
    expect(unknown.body.errors[0].extensions.code).toBe('UNKNOWN_STATE');
    expect(unknown.body.errors[0].message).toContain('SYN_RECIEVED');
  });

  it.each([
    [{ from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z', step: 60 }, 'from: must be before to'],
    [
      { from: '2026-01-01T00:00:00Z', to: '2026-01-08T00:00:00Z', step: 60 },
      'stepSeconds: gives more than 2000 points',
    ],
    [{ step: 0 }, 'stepSeconds'],
    [{ step: 60, states: [TcpState.LISTEN], names: ['LISTEN'] }, 'give states or stateNames, not both'],
  ])('refuses %j with a message naming the problem', async (variables, message) => {
    const answer = await q(variables);
    expect(answer.body.data).toBeNull();
    expect(answer.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(answer.body.errors[0].message).toContain(message);
  });

  // Replicas share a PostgreSQL database; PGlite serves one process.
  const onPostgres = process.env.TCPFLEET_TEST_PG_URL ? it : it.skip;

  onPostgres('writes each bucket once with two replicas running the job', async () => {
    const replica = await startReplica(t);
    const client = new pg.Client({ connectionString: t.env.DATABASE_URL });
    await client.connect();
    try {
      const joined = new Date();
      await sleep(4_000);
      const rollups = async (base: string) => {
        const scrape = parseExposition((await request(`${base}/metrics`, 'GET', { token: ADMIN_KEY })).body);
        const of = (result: string) => valueOf(scrape, 'tcpfleet_fleet_rollups_total', { result }) ?? NaN;
        return { written: of('written'), skipped: of('skipped'), failed: of('failed') };
      };
      // The buckets in the table against the writes both replicas counted, read between two scrapes
      // that agree (no bucket written in between).
      let before = { written: 0, skipped: 0 };
      let stored = -1;
      let after = { written: 1, skipped: 0 };
      for (let attempt = 0; attempt < 10 && before.written !== after.written; attempt++) {
        const [a1, b1] = [await rollups(t.url), await rollups(replica.url)];
        stored = Number((await client.query('select count(*) from fleet_buckets')).rows[0].count);
        const [a2, b2] = [await rollups(t.url), await rollups(replica.url)];
        expect([a1.failed, b1.failed, a2.failed, b2.failed]).toEqual([0, 0, 0, 0]);
        before = { written: a1.written + b1.written, skipped: b1.skipped + a1.skipped };
        after = { written: a2.written + b2.written, skipped: b2.skipped + a2.skipped };
        if (b1.written + b1.skipped < 3) throw new Error(`the replica ran ${b1.written + b1.skipped} times`);
      }
      expect(stored).toBe(after.written);
      // Both replicas met on most buckets, and one of them wrote each.
      expect(after.skipped).toBeGreaterThanOrEqual(3);
      const since = await client.query(
        `select extract(epoch from bucket)::bigint as at from fleet_buckets where bucket >= $1 order by bucket`,
        [joined],
      );
      const seconds = since.rows.map((row) => Number(row.at));
      expect(seconds.length).toBeGreaterThanOrEqual(3);
      // One bucket a second, none missed, none twice.
      expect(seconds).toEqual(seconds.map((_, i) => seconds[0] + i));
      const split = await client.query(
        `select b.bucket from fleet_buckets b
         where b.bucket >= $1 and (select count(*) from fleet_totals t where t.bucket = b.bucket) <> $2`,
        [joined, 7],
      );
      // web-1 and web-2: CLOSE_WAIT in, out and ANY; ESTABLISHED in and ANY; TIME_WAIT out and ANY.
      expect(split.rows).toEqual([]);
      const fromReplica = await graphql(replica.url, ADMIN_KEY, HISTORY, {
        from: started.toISOString(),
        step: 1,
        to: joined.toISOString(),
      });
      expect(fromReplica.body.data).toEqual(
        (await q({ from: started.toISOString(), step: 1, to: joined.toISOString() })).body.data,
      );
    } finally {
      await client.end();
      await replica.stop();
    }
  });
});

// An outage is made by closing the test's own database to connections; PGlite cannot lose its database.
(process.env.TCPFLEET_TEST_PG_URL ? describe : describe.skip)(
  'the fleet rollup through a database outage',
  () => {
    let t: TestApi;
    let server: pg.Client;
    let name: string;
    beforeAll(async () => {
      t = await startTestApi(ENV);
      name = new URL(t.env.DATABASE_URL).pathname.slice(1);
      server = new pg.Client({ connectionString: process.env.TCPFLEET_TEST_PG_URL });
      await server.connect();
    });
    afterAll(async () => {
      await server?.query(`alter database ${name} allow_connections true`);
      await server?.end();
      await t?.stop();
    });

    const rollups = async (result: string): Promise<number> => {
      const scrape = parseExposition((await request(`${t.url}/metrics`, 'GET', { token: ADMIN_KEY })).body);
      return valueOf(scrape, 'tcpfleet_fleet_rollups_total', { result }) ?? NaN;
    };
    const until = async (check: () => Promise<boolean>): Promise<void> => {
      const end = Date.now() + 15_000;
      while (!(await check()) && Date.now() < end) await sleep(200);
    };

    it('counts the failed runs, keeps serving, and writes the next bucket once the database is back', async () => {
      await until(async () => (await rollups('written')) >= 1);
      await server.query(`alter database ${name} allow_connections false`);
      await server.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
      await until(async () => (await rollups('failed')) >= 2);
      expect(await rollups('failed')).toBeGreaterThanOrEqual(2);
      expect((await request(`${t.url}/healthz`, 'GET')).status).toBe(200);

      await server.query(`alter database ${name} allow_connections true`);
      const back = new Date();
      const written = await rollups('written');
      await until(async () => (await rollups('written')) >= written + 2);
      const history = await graphql(t.url, ADMIN_KEY, HISTORY, { from: back.toISOString(), step: 1 });
      expect(history.body.data.fleetHistory.reporting.length).toBeGreaterThanOrEqual(2);
    });
  },
);
