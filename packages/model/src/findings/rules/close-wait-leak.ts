import { TcpState } from '../../states/tcp-state';
import { Direction } from '../../summary/count';
import { descriptorCommand, listCommand } from '../commands';
import { FindingRule, type Finding, type FindingCount, type FindingInput } from '../finding';
import type { FindingThresholds } from '../thresholds';
import { growsSteadily, samplesByKey, trendOf, type Trend } from '../trend';
import { duration, levelOf, nameOf, osOf, plural, where, who, type Rule } from './common';

/**
 * CLOSE_WAIT held by one process on one service port: above a threshold now, or growing steadily
 * over the trend window (trend.ts). One finding per (direction, port, process).
 */
export const closeWaitLeak: Rule = (input, thresholds) => {
  const keyOf = (row: { direction: Direction; port: number; process: string | null }) =>
    JSON.stringify([row.direction, row.port, row.process]);
  const samples = samplesByKey(input.history ?? [], input.now, thresholds.closeWait.windowSeconds, (point) =>
    point.state === TcpState.CLOSE_WAIT ? keyOf(point) : undefined,
  );
  const rows = new Map<string, FindingCount>();
  for (const row of input.counts) {
    if (row.state !== TcpState.CLOSE_WAIT) continue;
    const known = rows.get(keyOf(row));
    if (known) rows.set(keyOf(row), { ...known, count: known.count + row.count });
    else rows.set(keyOf(row), row);
  }
  const findings: Finding[] = [];
  for (const [key, row] of rows) {
    const series = samples.get(key);
    const trend = series ? trendOf(series) : undefined;
    const finding = judge(row, trend, input, thresholds);
    if (finding) findings.push(finding);
  }
  return findings;
};

function judge(
  row: FindingCount,
  trend: Trend | undefined,
  input: FindingInput,
  thresholds: FindingThresholds,
): Finding | undefined {
  const level = levelOf(row.count, thresholds.closeWait);
  const growing = trend !== undefined && growsSteadily(trend, thresholds.closeWait);
  if (!level && !growing) return undefined;
  const pid = typeof row.pid === 'number' ? row.pid : undefined;
  const holder = who(row.process, pid);
  const growth = growing ? `, growing ${trend.perMinute} a minute` : '';
  return {
    rule: FindingRule.CLOSE_WAIT_LEAK,
    severity: level?.severity ?? 'warning',
    title: `${plural(row.count, 'CLOSE_WAIT socket')} ${where(row.direction, row.port)} held by ${holder}${growth}`,
    explanation: explain(row, holder, growing ? trend : undefined),
    nextStep: nextStep(row, holder, pid, input),
    evidence: {
      state: TcpState.CLOSE_WAIT,
      port: row.port,
      direction: row.direction,
      process: row.process,
      ...(pid === undefined ? {} : { pid }),
      count: row.count,
      ...(level ? { threshold: level.threshold } : {}),
      ...(growing
        ? {
            trend: {
              from: trend.from,
              to: trend.to,
              windowSeconds: trend.windowSeconds,
              perMinute: trend.perMinute,
            },
          }
        : {}),
    },
  };
}

function explain(row: FindingCount, holder: string, trend: Trend | undefined): string {
  const peers =
    row.direction === Direction.INBOUND
      ? `Clients of ${holder} on port ${row.port} hung up`
      : `The services on port ${row.port} that ${holder} connects to closed their connections`;
  const name = nameOf(row.process);
  const cause =
    row.direction === Direction.INBOUND
      ? 'a request path that returns without closing its connection'
      : 'a connection pool that keeps connections the server has closed, or a response that is never read to the end and closed';
  const growth = trend
    ? ` The count went from ${trend.from} to ${trend.to} in ${duration(trend.windowSeconds)} (${trend.perMinute} a minute) and rose at most steps: it will not stop by itself.`
    : '';
  return (
    `${peers}, and ${name} never closed its side: each of these ${plural(row.count, 'socket')} stays in CLOSE_WAIT until the process calls close(). ` +
    `That is a socket leak, usually ${cause}. Every leaked socket holds a file descriptor; when the process runs out of them it can no longer accept or open connections.${growth}`
  );
}

function nextStep(row: FindingCount, holder: string, pid: number | undefined, input: FindingInput): string {
  const os = osOf(input);
  const list = listCommand(os, TcpState.CLOSE_WAIT, { direction: row.direction, port: row.port });
  const descriptors =
    pid === undefined
      ? ''
      : ` \`${descriptorCommand(os, pid)}\` shows the descriptors of pid ${pid} growing.`;
  const unnamed =
    row.process === null ? ' Run the agent with process attribution (as root) to name the process.' : '';
  return (
    `Find the code path in ${holder} that does not close sockets: \`${list}\` lists them with their peers.${descriptors}${unnamed} ` +
    `Look for connections left open on error paths and pools that never drop closed connections. Restarting ${nameOf(row.process)} frees the sockets only until the leak fills them again.`
  );
}
