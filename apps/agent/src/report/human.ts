import { Direction, TCP_STATES, totalsByState, type SnapshotV1, type SocketCount } from '@tcpfleet/model';
import { collectorNotes, snapshotFindings } from './findings';

const TOP = 3;

/** `once` without --json: totals per state, top service ports and processes, findings, then notes. */
export function humanReport(snapshot: SnapshotV1): string {
  const { host, collector } = snapshot;
  const totals = totalsByState(snapshot.counts);
  const states = TCP_STATES.filter((state) => (totals[state] ?? 0) > 0);
  const lines = [
    `${host.hostname} (${host.os} ${host.osVersion}): ${collector.socketCount} TCP sockets from ${collector.source} in ${collector.durationMs} ms, attribution ${collector.attribution}`,
    '',
  ];
  const width = Math.max(5, ...states.map((state) => state.length));
  lines.push(`${'STATE'.padEnd(width)}  ${'COUNT'.padStart(7)}  TOP SERVICE PORTS / TOP PROCESSES`);
  for (const state of states) {
    const rows = snapshot.counts.filter((row) => row.state === state);
    lines.push(`${state.padEnd(width)}  ${String(totals[state]).padStart(7)}  ${topPorts(rows)}`);
    const processes = topProcesses(rows);
    if (processes) lines.push(`${''.padEnd(width + 11)}${processes}`);
  }
  const found = snapshotFindings(snapshot);
  lines.push('', found.length === 0 ? 'Nothing abnormal.' : 'Findings:');
  for (const finding of found) {
    lines.push(`  ! ${finding.severity.toUpperCase()} ${finding.title}`);
    lines.push(`    ${finding.explanation}`);
    lines.push(`    Next: ${finding.nextStep}`);
  }
  const notes = collectorNotes(snapshot);
  if (notes.length > 0) lines.push('', 'Notes:', ...notes.map((note) => `  - ${note}`));
  return `${lines.join('\n')}\n`;
}

function topPorts(rows: readonly SocketCount[]): string {
  const byPort = sumBy(rows, (row) => `${row.port} ${row.direction === Direction.INBOUND ? 'in' : 'out'}`);
  return top(byPort).join(', ');
}

function topProcesses(rows: readonly SocketCount[]): string {
  const byProcess = sumBy(rows, (row) => row.process ?? '(no process)');
  const shown = top(byProcess);
  return shown.length === 1 && shown[0]?.startsWith('(no process)') ? '' : shown.join(', ');
}

function sumBy(rows: readonly SocketCount[], key: (row: SocketCount) => string): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + row.count);
  return sums;
}

function top(sums: Map<string, number>): string[] {
  const sorted = [...sums].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shown = sorted.slice(0, TOP).map(([key, count]) => `${key} (${count})`);
  if (sorted.length > TOP) shown.push(`+${sorted.length - TOP} more`);
  return shown;
}
