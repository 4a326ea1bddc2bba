import { ledgerKey, planBatch, type IngestItem } from './ingest-plan';

const item = (hostId: string, snapshotId: string, at: string, digest = 'd'): IngestItem => ({
  hostId,
  snapshotId,
  collectedAt: new Date(at),
  digest,
});

describe('planBatch', () => {
  it('stores new snapshots and makes the newest per host current', () => {
    const plan = planBatch(
      [
        item('h1', 'a', '2026-01-01T00:01:00Z'),
        item('h1', 'b', '2026-01-01T00:00:30Z'),
        item('h2', 'c', '2026-01-01T00:00:00Z'),
      ],
      { lastSeenAt: new Map([['h1', new Date('2026-01-01T00:00:00Z')]]), known: new Map() },
    );
    expect(plan.outcomes).toEqual([
      { kind: 'stored', created: true, current: true },
      { kind: 'stored', created: true, current: false },
      { kind: 'stored', created: true, current: true },
    ]);
    expect(plan.created).toEqual([0, 1, 2]);
    expect([...plan.current]).toEqual([
      ['h1', 0],
      ['h2', 2],
    ]);
  });

  it('answers a retry with the first answer and writes nothing for it', () => {
    const known = new Map([[ledgerKey('h1', 'a'), { digest: 'd', current: false }]]);
    const plan = planBatch([item('h1', 'a', '2026-01-01T00:00:00Z')], { lastSeenAt: new Map(), known });
    expect(plan.outcomes).toEqual([{ kind: 'stored', created: false, current: false }]);
    expect(plan.created).toEqual([]);
    expect(plan.current.size).toBe(0);
  });

  it('refuses an id reused with other content, also within one batch', () => {
    const plan = planBatch(
      [
        item('h1', 'a', '2026-01-01T00:00:00Z', 'one'),
        item('h1', 'a', '2026-01-01T00:00:00Z', 'two'),
        item('h1', 'a', '2026-01-01T00:00:00Z', 'one'),
      ],
      { lastSeenAt: new Map(), known: new Map() },
    );
    expect(plan.outcomes.map((o) => o.kind)).toEqual(['stored', 'conflict', 'stored']);
    expect(plan.outcomes[2]).toEqual({ kind: 'stored', created: false, current: true });
    expect(plan.created).toEqual([0]);
  });

  it('keeps ids apart per host', () => {
    const plan = planBatch(
      [item('h1', 'a', '2026-01-01T00:00:00Z'), item('h2', 'a', '2026-01-01T00:00:00Z', 'x')],
      {
        lastSeenAt: new Map(),
        known: new Map(),
      },
    );
    expect(plan.created).toEqual([0, 1]);
  });
});
