import { TcpState, WIRE_LIMITS, type Socket, type WireSocket } from '@tcpfleet/model';

/**
 * Which sockets a capped list keeps first: listeners and the states an operator asks about
 * (DESIGN.md, "Who uses it"), then ordinary traffic, TIME_WAIT last as the most numerous and
 * least telling. Counts are always complete; only the list is cut.
 */
const KEEP_FIRST: readonly TcpState[] = [
  TcpState.LISTEN,
  TcpState.CLOSE_WAIT,
  TcpState.SYN_RECEIVED,
  TcpState.SYN_SENT,
  TcpState.FIN_WAIT_2,
  TcpState.FIN_WAIT_1,
  TcpState.LAST_ACK,
  TcpState.CLOSING,
  TcpState.UNKNOWN,
  TcpState.ESTABLISHED,
];

const rank = (state: TcpState): number => {
  const at = KEEP_FIRST.indexOf(state);
  return at < 0 ? KEEP_FIRST.length : at;
};

export interface SocketList {
  sockets: WireSocket[];
  truncated: boolean;
}

/** The socket list of a snapshot: at most `max` sockets, the most telling first. */
export function socketList(sockets: readonly Socket[], max: number): SocketList {
  const limit = Math.min(max, WIRE_LIMITS.maxSockets);
  const chosen =
    sockets.length <= limit
      ? sockets
      : [...sockets].sort((a, b) => rank(a.state) - rank(b.state)).slice(0, limit);
  return { sockets: chosen.map(toWire), truncated: sockets.length > limit };
}

function toWire(socket: Socket): WireSocket {
  const wire: WireSocket = {
    family: socket.family,
    localAddress: socket.localAddress,
    localPort: socket.localPort,
    remoteAddress: socket.remoteAddress,
    remotePort: socket.remotePort,
    state: socket.state,
  };
  if (socket.recvQueue !== undefined) wire.recvQueue = socket.recvQueue;
  if (socket.sendQueue !== undefined) wire.sendQueue = socket.sendQueue;
  if (socket.pid !== undefined) wire.pid = socket.pid;
  if (socket.process !== undefined) wire.process = socket.process.slice(0, WIRE_LIMITS.maxProcessNameLength);
  if (socket.uid !== undefined) wire.uid = socket.uid;
  if (socket.netns !== undefined) wire.netns = socket.netns;
  return wire;
}

/** Text without control characters, which the API refuses in names and warnings. */
export function printable(text: string): string {
  return text.replace(/\p{Cc}/gu, '?');
}

/** Warnings within the wire limits: the first ones kept, each cut to length, the rest counted. */
export function wireWarnings(warnings: readonly string[]): string[] {
  const cut = (text: string) => printable(text).slice(0, WIRE_LIMITS.maxWarningLength);
  if (warnings.length <= WIRE_LIMITS.maxWarnings) return warnings.map(cut);
  const kept = warnings.slice(0, WIRE_LIMITS.maxWarnings - 1).map(cut);
  return [...kept, `${warnings.length - kept.length} more warnings not shown`];
}
