import type { TcpState } from '../../states/tcp-state';
import { Direction } from '../../summary/count';
import type { OsName } from '../../wire/snapshot';
import type { Finding, FindingCount, FindingInput, FindingSeverity } from '../finding';
import type { FindingThresholds, LevelThresholds } from '../thresholds';

/** A rule: what it finds in one host's input. Pure; evaluate.ts lists every rule explicitly. */
export type Rule = (input: FindingInput, thresholds: FindingThresholds) => Finding[];

export interface Level {
  severity: FindingSeverity;
  /** The threshold the count reached. */
  threshold: number;
}

/** Critical from `critical` on, a warning from `warning` on, nothing below. */
export function levelOf(count: number, thresholds: LevelThresholds): Level | undefined {
  if (count >= thresholds.critical) return { severity: 'critical', threshold: thresholds.critical };
  if (count >= thresholds.warning) return { severity: 'warning', threshold: thresholds.warning };
  return undefined;
}

export function osOf(input: FindingInput): OsName {
  return input.os ?? 'linux';
}

/** The counts of one state added up per (direction, port), with the processes that hold them. */
export interface PortTotal {
  direction: Direction;
  port: number;
  count: number;
  /** The one process holding them all, null when unknown or shared by several. */
  process: string | null;
  pid?: number;
}

export function totalsPerPort(counts: readonly FindingCount[], state: TcpState): PortTotal[] {
  const totals = new Map<string, PortTotal & { processes: Set<string | null>; pids: Set<number> }>();
  for (const row of counts) {
    if (row.state !== state) continue;
    const key = `${row.direction} ${row.port}`;
    let total = totals.get(key);
    if (!total) {
      total = {
        direction: row.direction,
        port: row.port,
        count: 0,
        process: null,
        processes: new Set(),
        pids: new Set(),
      };
      totals.set(key, total);
    }
    total.count += row.count;
    total.processes.add(row.process);
    if (typeof row.pid === 'number') total.pids.add(row.pid);
  }
  return [...totals.values()].map(({ processes, pids, ...total }) => {
    const [process] = processes;
    const [pid] = pids;
    return processes.size === 1 && process !== undefined && process !== null
      ? { ...total, process, ...(pids.size === 1 && pid !== undefined ? { pid } : {}) }
      : total;
  });
}

/** "nginx (pid 812)", or words for a process the collector could not name. */
export function who(process: string | null | undefined, pid?: number | null): string {
  if (process === null || process === undefined) return 'the owning process';
  return typeof pid === 'number' ? `${process} (pid ${pid})` : process;
}

/** The process's name alone, for mentions after the first. */
export function nameOf(process: string | null | undefined): string {
  return process ?? 'the owning process';
}

/** "on port 443" for a local service, "towards port 5432" for a remote one. */
export function where(direction: Direction, port: number): string {
  return direction === Direction.INBOUND ? `on port ${port}` : `towards port ${port}`;
}

export function endpoint(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

/** A count of things, with the noun in the plural when it is not one. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function percent(part: number, whole: number): number {
  return whole <= 0 ? 100 : Math.round((100 * part) / whole);
}

/** Seconds in words a person reads at a glance: "45 seconds", "12 minutes", "3 hours 5 minutes". */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 120) return plural(s, 'second');
  const minutes = Math.floor(s / 60);
  if (minutes < 120) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48)
    return `${plural(hours, 'hour')}${minutes % 60 ? ` ${plural(minutes % 60, 'minute')}` : ''}`;
  return plural(Math.floor(hours / 24), 'day');
}
