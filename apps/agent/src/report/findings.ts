import { evaluateFindings, snapshotFindingInput, type Finding, type SnapshotV1 } from '@tcpfleet/model';

/**
 * What the model's rules find in one snapshot on its own: the threshold rules, with the snapshot's
 * listeners and destinations as evidence. Trends (a CLOSE_WAIT count growing) need the history the
 * API keeps, and a host that stopped reporting needs the API's clock; neither shows here.
 */
export function snapshotFindings(snapshot: SnapshotV1): Finding[] {
  return evaluateFindings(snapshotFindingInput(snapshot));
}

/** What the collector itself has to say: how complete the snapshot is, and what went wrong reading it. */
export function collectorNotes(snapshot: SnapshotV1): string[] {
  const { collector } = snapshot;
  const notes: string[] = [];
  if (collector.attribution !== 'full') {
    notes.push(
      `process attribution is ${collector.attribution}: run as root or with CAP_SYS_PTRACE and CAP_DAC_READ_SEARCH to see every owner`,
    );
  }
  if (collector.spoolDropped > 0)
    notes.push(`${collector.spoolDropped} snapshots were dropped from a full spool`);
  for (const warning of collector.warnings) notes.push(`collector: ${warning}`);
  return notes;
}
