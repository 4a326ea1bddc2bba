import {
  Direction,
  STATE_INFO,
  TcpState,
  type Socket,
  type SnapshotV1,
  type SocketCount,
} from '@tcpfleet/model';

/** Something an operator should look at, with what it usually means. */
export interface Finding {
  state?: TcpState;
  message: string;
  meaning?: string;
}

/**
 * How many sockets of one state on one service port (and process) look abnormal. These are
 * starting points from the pile-ups DESIGN.md describes, not limits of the protocol: a busy proxy
 * may live above them, an idle host should never get near.
 */
export const THRESHOLDS: Readonly<Partial<Record<TcpState, number>>> = {
  [TcpState.CLOSE_WAIT]: 20,
  [TcpState.SYN_RECEIVED]: 100,
  [TcpState.SYN_SENT]: 20,
  [TcpState.FIN_WAIT_2]: 100,
  [TcpState.LAST_ACK]: 100,
  [TcpState.UNKNOWN]: 1,
};

/** TIME_WAIT towards one destination above this share of the ephemeral range nears exhaustion. */
export const TIME_WAIT_SHARE = 0.5;
/** Connections waiting in a listener's accept queue: more than this means accept() lags. */
export const ACCEPT_QUEUE = 10;

export function findings(snapshot: SnapshotV1, sockets: readonly Socket[]): Finding[] {
  return [
    ...pileUps(snapshot.counts),
    ...timeWaitDestinations(snapshot, sockets),
    ...acceptQueues(sockets),
    ...collectorNotes(snapshot),
  ];
}

function pileUps(counts: readonly SocketCount[]): Finding[] {
  const found: Finding[] = [];
  for (const row of counts) {
    const limit = THRESHOLDS[row.state];
    if (limit === undefined || row.count < limit) continue;
    const where =
      row.direction === Direction.INBOUND ? `on local port ${row.port}` : `towards port ${row.port}`;
    const who = row.process === null ? '' : ` held by ${row.process}`;
    found.push({
      state: row.state,
      message: `${row.count} ${row.state} ${where}${who}`,
      meaning: STATE_INFO[row.state].pileUp,
    });
  }
  return found;
}

function timeWaitDestinations(snapshot: SnapshotV1, sockets: readonly Socket[]): Finding[] {
  const { low, high } = snapshot.host.ephemeralPortRange;
  const perDestination = new Map<string, number>();
  for (const socket of sockets) {
    if (socket.state !== TcpState.TIME_WAIT) continue;
    const key = `${socket.remoteAddress}:${socket.remotePort}`;
    perDestination.set(key, (perDestination.get(key) ?? 0) + 1);
  }
  const limit = (high - low + 1) * TIME_WAIT_SHARE;
  return [...perDestination]
    .filter(([, count]) => count >= limit)
    .map(([destination, count]) => ({
      state: TcpState.TIME_WAIT,
      message: `${count} TIME_WAIT towards ${destination}, ${Math.round((100 * count) / (high - low + 1))}% of the ephemeral range ${low}-${high}`,
      meaning: STATE_INFO[TcpState.TIME_WAIT].pileUp,
    }));
}

function acceptQueues(sockets: readonly Socket[]): Finding[] {
  return sockets
    .filter((s) => s.state === TcpState.LISTEN && (s.recvQueue ?? 0) > ACCEPT_QUEUE)
    .map((s) => ({
      state: TcpState.LISTEN,
      message: `listener ${s.localAddress}:${s.localPort}${s.process ? ` (${s.process})` : ''} has ${s.recvQueue} connections waiting to be accepted${s.sendQueue ? ` of a backlog of ${s.sendQueue}` : ''}`,
      meaning: STATE_INFO[TcpState.LISTEN].pileUp,
    }));
}

function collectorNotes(snapshot: SnapshotV1): Finding[] {
  const { collector } = snapshot;
  const notes: Finding[] = [];
  if (collector.attribution !== 'full') {
    notes.push({
      message: `process attribution is ${collector.attribution}: run as root or with CAP_SYS_PTRACE and CAP_DAC_READ_SEARCH to see every owner`,
    });
  }
  if (collector.spoolDropped > 0)
    notes.push({ message: `${collector.spoolDropped} snapshots were dropped from a full spool` });
  for (const warning of collector.warnings) notes.push({ message: `collector: ${warning}` });
  return notes;
}
