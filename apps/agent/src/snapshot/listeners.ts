import {
  listenersOf,
  TcpState,
  WIRE_LIMITS,
  type FormatName,
  type Socket,
  type WireListener,
} from '@tcpfleet/model';
import { backlogKey, type Backlogs } from '../collect/collector';
import type { SocketTable } from '../collect/socket_table';

/**
 * The snapshot's listeners, through the model's `listenersOf`. With backlogs read beside the
 * table (Linux, `ss -ltnH`), the LISTEN sockets are handed over in ss's terms, where the Send-Q of
 * a listener is its backlog; a listener ss did not list (another namespace, opened since) has none.
 */
export function tableListeners(
  sockets: SocketTable,
  source: FormatName,
  backlogs?: Backlogs,
): WireListener[] {
  const listening: Socket[] = [];
  for (let i = 0; i < sockets.size; i++) {
    if (sockets.state(i) !== TcpState.LISTEN) continue;
    const socket = sockets.socket(i);
    if (backlogs) {
      const backlog =
        socket.netns === undefined
          ? backlogs.get(backlogKey(socket.localAddress, socket.localPort))
          : undefined;
      if (backlog === undefined) delete socket.sendQueue;
      else socket.sendQueue = backlog;
    }
    listening.push(socket);
  }
  return listenersOf(listening, WIRE_LIMITS.maxListeners, backlogs ? 'linux-ss' : source);
}
