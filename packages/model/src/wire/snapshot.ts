import type { AddressFamily } from '../socket';
import type { TcpState } from '../states/tcp-state';
import type { PortRange, SocketCount } from '../summary/count';

/**
 * The snapshot an agent pushes to `POST /v1/snapshots` (JSON, optionally gzip).
 *
 * Versioned: `version` names the shape; the API rejects versions it does not know with a 400 that
 * names the versions it accepts. A change that is not purely additive gets a new version.
 */
export const SNAPSHOT_VERSION = 1;

/** The operating systems an agent reports from (Node's `os.platform()` says win32 and sunos for the last two). */
export const OS_NAMES = ['linux', 'darwin', 'freebsd', 'windows', 'illumos'] as const;
export type OsName = (typeof OS_NAMES)[number];

/**
 * Host names both sides accept: letters, digits, dots, hyphens and underscores, starting with a
 * letter or digit and not ending with a dot or hyphen (RFC 1123 names, plus the underscores Windows
 * allows in NetBIOS-derived names); nothing that needs escaping in a shell, a URL or HTML. The
 * length limit is WIRE_LIMITS.maxHostnameLength.
 */
export const HOSTNAME_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?$/;

/**
 * Label keys both sides accept, in the shape of Kubernetes label names (letters, digits, `.`, `_`,
 * `-` and `/`, starting and ending with a letter or digit), so labels copy over from there
 * unchanged; `__proto__` is not one. The length limit is WIRE_LIMITS.maxLabelKeyLength.
 */
export const LABEL_KEY_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9._/-]*[A-Za-z0-9])?$/;

/**
 * Label values both sides accept: any text without control characters (Unicode category Cc: NUL,
 * escape sequences, new lines), so a value never moves a terminal's cursor or splits a log line. The
 * length limit is WIRE_LIMITS.maxLabelValueLength.
 */
export const LABEL_VALUE_PATTERN = /^[^\p{Cc}]*$/u;

export interface HostFacts {
  hostname: string;
  os: OsName;
  /** Kernel or OS release, as the OS reports it (`uname -r`, Windows build). */
  osVersion: string;
  /** A stable machine identity (`/etc/machine-id`, IOPlatformUUID, MachineGuid), when readable. */
  machineId?: string;
  agentVersion: string;
  labels: Record<string, string>;
  ephemeralPortRange: PortRange;
}

export interface CollectorFacts {
  /** Where the sockets came from: a parser format (`linux-proc`, `macos-netstat`, ...). */
  source: string;
  /** How long collecting took, in whole milliseconds. */
  durationMs: number;
  /** How many TCP sockets the collector saw, before any cap on the socket list. */
  socketCount: number;
  /** True when the socket list was cut to the agent's cap; counts are complete regardless. */
  truncated: boolean;
  /** Whether sockets could be tied to processes: all, some (e.g. without root) or none. */
  attribution: 'full' | 'partial' | 'none';
  /** Snapshots the agent's spool had to drop since the last delivered snapshot. */
  spoolDropped: number;
  warnings: string[];
}

/** One socket of the (capped) socket list. */
export interface WireSocket {
  family: AddressFamily;
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
  state: TcpState;
  recvQueue?: number;
  sendQueue?: number;
  pid?: number;
  process?: string;
  uid?: number;
  netns?: string;
}

/**
 * A listening socket with its accept queue, for the backlog finding. On Linux the backlog comes from
 * `ss` (Send-Q of a LISTEN socket is sk_max_ack_backlog); `/proc/net/tcp` has only the queue in use.
 */
export interface WireListener {
  address: string;
  port: number;
  /** Connections completed by the kernel and waiting for accept(). */
  acceptQueue: number;
  /** The most the accept queue may hold, when the collector can read it. */
  backlog?: number;
  process?: string;
  pid?: number;
}

/** Sockets towards one remote address and port, for the SYN_SENT and port-exhaustion findings. */
export interface WireDestination {
  address: string;
  port: number;
  /** Every socket towards it, TIME_WAIT included. */
  count: number;
  /** The same sockets by state. */
  states: Partial<Record<TcpState, number>>;
}

export interface SnapshotV1 {
  version: typeof SNAPSHOT_VERSION;
  /** Client-generated UUIDv7; a retry reuses it, so ingestion is idempotent. */
  id: string;
  /** When the sockets were read, ISO 8601 with time zone. */
  collectedAt: string;
  host: HostFacts;
  collector: CollectorFacts;
  /** Complete counts over every socket, even when `sockets` is truncated. */
  counts: SocketCount[];
  sockets: WireSocket[];
  /** LISTEN sockets with their accept queues (at most WIRE_LIMITS.maxListeners). */
  listeners?: WireListener[];
  /** The busiest remote address and port pairs (at most WIRE_LIMITS.maxDestinations). */
  destinations?: WireDestination[];
}

export type Snapshot = SnapshotV1;

/** What `POST /v1/snapshots` answers once the snapshot is committed. */
export interface SnapshotReceipt {
  id: string;
  /** False when the id had been stored before: the same answer, nothing written again. */
  created: boolean;
  /** False when the snapshot is older than the host's current one: it went to history only. */
  current: boolean;
}

/** `POST /v1/enroll` request and answer. */
export interface EnrollRequest {
  hostname: string;
  machineId?: string;
}

export interface EnrollResponse {
  hostId: string;
  hostname: string;
  token: string;
}

/** Limits both sides agree on; the API enforces them, the agent stays inside them. */
export const WIRE_LIMITS = {
  maxCounts: 10_000,
  maxSockets: 5_000,
  maxListeners: 1_000,
  maxDestinations: 100,
  maxLabels: 32,
  maxLabelKeyLength: 63,
  maxLabelValueLength: 255,
  maxHostnameLength: 253,
  maxWarnings: 100,
  maxWarningLength: 1_000,
  maxProcessNameLength: 255,
  maxBodyBytes: 8 * 1024 * 1024,
} as const;
