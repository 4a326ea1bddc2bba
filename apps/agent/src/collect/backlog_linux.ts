import { parseSs, TcpState } from '@tcpfleet/model';
import { reason } from '../errors';
import { backlogKey, type Backlogs, type CollectorOptions } from './collector';
import { now } from './clock';

/** ss answers a listener-only dump in milliseconds; past this the snapshot goes without backlogs. */
export const BACKLOG_TIMEOUT_MS = 2000;

/**
 * /proc/net/tcp has no backlog: it prints a listener's send queue, always 0 (get_tcp4_sock() in
 * net/ipv4/tcp_ipv4.c). `ss -ltnH` has it: the Send-Q of a listener is sk_max_ack_backlog
 * (tcp_diag_get_info() in net/ipv4/tcp_diag.c), and asking for LISTEN sockets only makes the kernel
 * dump the listening hash alone (inet_diag_dump_icsk() in net/ipv4/inet_diag.c skips the established
 * one), so it costs one short process however many connections the host holds. Optional: without
 * ss, or when it fails or is slow, listeners go without a backlog and the debug log says why.
 */
export async function listenerBacklogs(
  options: CollectorOptions,
  timeoutMs = BACKLOG_TIMEOUT_MS,
): Promise<Backlogs | undefined> {
  const start = now();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    timer.unref();
  });
  try {
    const parsed = parseSs(await Promise.race([options.run('ss', ['-ltnH']), late]));
    const backlogs = new Map<string, number>();
    for (const socket of parsed.sockets) {
      if (socket.state !== TcpState.LISTEN || socket.sendQueue === undefined) continue;
      backlogs.set(backlogKey(socket.localAddress, socket.localPort), socket.sendQueue);
    }
    options.log.debug('collector done', { collector: 'listener backlogs', durationMs: elapsed(start) });
    return backlogs;
  } catch (error) {
    options.log.debug('listener backlogs unavailable', { durationMs: elapsed(start), error: reason(error) });
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

const elapsed = (start: number): number => Math.round((now() - start) * 100) / 100;
