import { TcpState, type Socket } from '@tcpfleet/model';
import type { Attribution } from './collector';

/**
 * How completely a command's listing tied sockets to processes. TIME_WAIT sockets belong to no
 * process on any OS (the kernel keeps them after close), so they do not count against it.
 */
export function attributionOf(sockets: readonly Socket[]): Attribution {
  let owned = 0;
  let ownable = 0;
  for (const socket of sockets) {
    if (socket.state === TcpState.TIME_WAIT) continue;
    ownable++;
    if (socket.pid !== undefined && socket.pid !== 0) owned++;
  }
  if (ownable === 0 || owned === ownable) return 'full';
  return owned > 0 ? 'partial' : 'none';
}

/** A socket's connection key: the same four fields in every listing of one host. */
export function connectionKey(socket: Socket): string {
  return `${socket.localAddress}|${socket.localPort}|${socket.remoteAddress}|${socket.remotePort}`;
}
