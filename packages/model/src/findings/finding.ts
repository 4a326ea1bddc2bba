import type { TcpState } from '../states/tcp-state';
import type { Direction, PortRange, SocketCount } from '../summary/count';
import type { OsName, WireDestination, WireListener } from '../wire/snapshot';

/** The situations the rule engine recognises, in the order findings of equal severity are listed. */
export enum FindingRule {
  HOST_NOT_REPORTING = 'HOST_NOT_REPORTING',
  CLOSE_WAIT_LEAK = 'CLOSE_WAIT_LEAK',
  LISTEN_BACKLOG_SATURATION = 'LISTEN_BACKLOG_SATURATION',
  SYN_RECEIVED_PILEUP = 'SYN_RECEIVED_PILEUP',
  EPHEMERAL_PORT_EXHAUSTION = 'EPHEMERAL_PORT_EXHAUSTION',
  SYN_SENT_PILEUP = 'SYN_SENT_PILEUP',
  FIN_WAIT_2_PILEUP = 'FIN_WAIT_2_PILEUP',
  LAST_ACK_PILEUP = 'LAST_ACK_PILEUP',
}

export const FINDING_RULES: readonly FindingRule[] = Object.values(FindingRule);

export type FindingSeverity = 'info' | 'warning' | 'critical';

/** Most severe first: the order findings are listed in. */
export const FINDING_SEVERITIES: readonly FindingSeverity[] = ['critical', 'warning', 'info'];

/** How a count moved over the trend window (see trend.ts). */
export interface FindingTrend {
  /** The count at the first and at the last point of the window. */
  from: number;
  to: number;
  /** The time the points cover, first to last. */
  windowSeconds: number;
  /** The least-squares slope over the points, in sockets per minute. */
  perMinute: number;
}

/** What a finding rests on: the numbers an engineer can check on the host. */
export interface FindingEvidence {
  state?: TcpState;
  /** The local address of a listener. */
  address?: string;
  port?: number;
  direction?: Direction;
  process?: string | null;
  pid?: number;
  destination?: { address: string; port: number };
  /** The number the rule judged: sockets, queued connections, or seconds of silence. */
  count: number;
  /** The value of `count` at which the finding's severity starts. */
  threshold?: number;
  /** The capacity `count` is measured against: the listener's backlog, the ephemeral range size. */
  limit?: number;
  trend?: FindingTrend;
  /** For HOST_NOT_REPORTING: when the host's last snapshot was taken, null when it never sent one. */
  lastSeenAt?: string | null;
}

export interface Finding {
  rule: FindingRule;
  severity: FindingSeverity;
  /** One line: what and where, with the number. */
  title: string;
  /** What is happening and why it matters, in plain words. */
  explanation: string;
  /** What to do now, with the commands to run. */
  nextStep: string;
  evidence: FindingEvidence;
}

/** A count row, optionally with a pid seen for its process (the API keeps one per row). */
export interface FindingCount extends SocketCount {
  pid?: number | null;
}

/** One past count of one key, as the API keeps them in count history. */
export interface HistoryPoint {
  at: Date;
  state: TcpState;
  port: number;
  direction: Direction;
  process: string | null;
  count: number;
}

/** Everything the rules read about one host. */
export interface FindingInput {
  /** The time findings are computed for; trend windows end here. */
  now: Date;
  /** When the host's latest snapshot was taken; null when it never sent one. */
  lastSeenAt: Date | null;
  /** When the host enrolled: a host that never reported is judged from here. */
  enrolledAt?: Date | null;
  /** Silence longer than this makes the host "not reporting". */
  staleAfterSeconds: number;
  ephemeralRange: PortRange;
  /** The host's OS, for the commands in next steps; Linux when absent. */
  os?: OsName;
  /** The counts of the latest snapshot. */
  counts: readonly FindingCount[];
  listeners?: readonly WireListener[];
  destinations?: readonly WireDestination[];
  /**
   * Past counts, the latest snapshot included, for the trend rules. A key missing at a time that
   * other points have is read as zero sockets then (count history stores no zero rows).
   */
  history?: readonly HistoryPoint[];
}
