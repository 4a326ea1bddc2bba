/** A snapshot on its way into the database, checked and digested. */
export interface IngestItem {
  hostId: string;
  snapshotId: string;
  collectedAt: Date;
  digest: string;
}

/** What the database already holds for a batch: each host's current snapshot time, known snapshot ids. */
export interface StoredState {
  lastSeenAt: Map<string, Date | null>;
  /** Keyed by `${hostId}/${snapshotId}`. */
  known: Map<string, { digest: string; current: boolean }>;
}

export type IngestOutcome =
  { kind: 'stored'; created: boolean; current: boolean } | { kind: 'conflict'; message: string };

export interface IngestPlan {
  outcomes: IngestOutcome[];
  /** Indexes of the items to write (new snapshots). */
  created: number[];
  /** Per host, the index of the item that ends up as the host's current snapshot. */
  current: Map<string, number>;
}

export const ledgerKey = (hostId: string, snapshotId: string): string => `${hostId}/${snapshotId}`;

/**
 * Decides, in arrival order, what each snapshot of a batch does: a known id with the same digest is a
 * retry (the first answer again, nothing written), with another digest a conflict; a new snapshot goes
 * to history, and becomes its host's current one unless the host already has a newer one.
 */
export function planBatch(items: readonly IngestItem[], stored: StoredState): IngestPlan {
  const known = new Map(stored.known);
  const lastSeenAt = new Map(stored.lastSeenAt);
  const plan: IngestPlan = { outcomes: [], created: [], current: new Map() };
  items.forEach((item, index) => {
    const key = ledgerKey(item.hostId, item.snapshotId);
    const previous = known.get(key);
    if (previous) {
      plan.outcomes.push(
        previous.digest === item.digest
          ? { kind: 'stored', created: false, current: previous.current }
          : { kind: 'conflict', message: `snapshot ${item.snapshotId} was stored before with other content` },
      );
      return;
    }
    const last = lastSeenAt.get(item.hostId) ?? null;
    const current = last === null || item.collectedAt.getTime() >= last.getTime();
    if (current) {
      lastSeenAt.set(item.hostId, item.collectedAt);
      plan.current.set(item.hostId, index);
    }
    known.set(key, { digest: item.digest, current });
    plan.created.push(index);
    plan.outcomes.push({ kind: 'stored', created: true, current });
  });
  return plan;
}
