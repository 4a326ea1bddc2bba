import { TcpState, type Socket } from '@tcpfleet/model';
import type { SimHost } from './fleet';
import { HostSockets } from './host-sockets';
import { addIncident } from './incidents';
import { clientPort, peerEndpoint } from './peers';
import type { FlowSpec, ListenerSpec } from './profile';
import { Random } from './random';
import { profileOf } from './roles';

export interface SocketOptions {
  /** Add the host's scripted incidents (default true); without them, the same baseline sockets. */
  incidents?: boolean;
}

/**
 * Every TCP socket of a host in one round. Baseline traffic and each incident draw from their own
 * seeded streams, so a host's baseline is the same with or without its incidents.
 */
export function hostSockets(
  host: SimHost,
  round: number,
  seed: number,
  options: SocketOptions = {},
): Socket[] {
  const profile = profileOf(host.role, host.os);
  const random = Random.of(seed, 'sockets', host.index, round);
  const out = new HostSockets(
    host,
    seed,
    random,
    profile.listeners.map((listener) => listener.port),
  );
  for (const listener of profile.listeners) addListener(out, listener, random);
  for (const flow of profile.flows) addFlow(out, flow, random);
  if (options.incidents ?? true) {
    for (const name of host.incidents) addIncident(out, profile, name, round, seed);
  }
  return out.sockets;
}

/**
 * A listener on the wildcard address (and on `::` too when dual). On Linux, `ss` shows a LISTEN socket's
 * accept queue in use as Recv-Q and its backlog as Send-Q (net/ipv4/tcp_diag.c tcp_diag_get_info),
 * capped by net.core.somaxconn, 4096 since Linux 5.4.
 */
function addListener(out: HostSockets, listener: ListenerSpec, random: Random): void {
  const linux = out.host.os === 'linux';
  const queues = linux ? { recv: random.chance(0.1) ? 1 : 0, send: Math.min(listener.backlog, 4096) } : {};
  const families = listener.dual ? (['ipv4', 'ipv6'] as const) : (['ipv4'] as const);
  for (const family of families) {
    const wildcard = family === 'ipv4' ? '0.0.0.0' : '::';
    const endpoint = { family, address: wildcard };
    out.add(
      {
        state: TcpState.LISTEN,
        process: listener.process,
        local: endpoint,
        localPort: listener.port,
        remote: endpoint,
        remotePort: 0,
      },
      queues,
    );
  }
}

function addFlow(out: HostSockets, flow: FlowSpec, random: Random): void {
  for (const [state, mean] of Object.entries(flow.states) as [TcpState, number][]) {
    const count = random.around(mean, 0.3);
    for (let i = 0; i < count; i++) addConnection(out, flow, state, random);
  }
}

function addConnection(out: HostSockets, flow: FlowSpec, state: TcpState, random: Random): void {
  const queues =
    state === TcpState.ESTABLISHED && random.chance(0.05) ? { recv: 0, send: random.int(1, 65536) } : {};
  if (flow.kind === 'loop') {
    // Two sockets of this host: the client's ephemeral end and the server's end of the same connection.
    // A connection in TIME_WAIT is left only on the side that closed first, here the client.
    const loop = { family: 'ipv4' as const, address: '127.0.0.1' };
    const port = out.ephemeralPort();
    out.add(
      { state, process: flow.process, local: loop, localPort: port, remote: loop, remotePort: flow.port },
      queues,
    );
    if (state !== TcpState.TIME_WAIT) {
      out.add({
        state,
        process: flow.server,
        local: loop,
        localPort: flow.port,
        remote: loop,
        remotePort: port,
      });
    }
    return;
  }
  const remote = peerEndpoint(flow.peer, out.host.regionIndex, random);
  const local = out.localEndpoint(remote);
  if (flow.kind === 'in') {
    const remotePort = clientPort(flow.peer, random);
    out.add({ state, process: flow.process, local, localPort: flow.port, remote, remotePort }, queues);
  } else {
    out.add(
      { state, process: flow.process, local, localPort: out.ephemeralPort(), remote, remotePort: flow.port },
      queues,
    );
  }
}
