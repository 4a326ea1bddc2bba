import { TcpState, vocabulariesFor, type OsName, type Socket, type VocabularyId } from '@tcpfleet/model';
import type { SimHost } from './fleet';
import type { Endpoint } from './peers';
import { Random } from './random';

/** The vocabulary each system's collector prints states in, for the sockets' `rawState`. */
const VOCABULARY_OF: Readonly<Record<OsName, VocabularyId>> = {
  linux: 'linux-ss',
  windows: 'powershell',
  darwin: 'macos',
  freebsd: 'freebsd',
  illumos: 'illumos',
};

const spellings = new Map<string, string>();

function rawStateOf(os: OsName, state: TcpState): string {
  const key = `${os}/${state}`;
  let name = spellings.get(key);
  if (name === undefined) {
    const spelling = vocabulariesFor(state).find((entry) => entry.id === VOCABULARY_OF[os]);
    name = spelling?.names[0] ?? state;
    spellings.set(key, name);
  }
  return name;
}

/*
 * Sockets the kernel holds alone: a TIME_WAIT socket has left its process, and a SYN_RECEIVED request
 * is not yet accepted by one; /proc/net/tcp shows them with inode 0, so no collector can attribute them.
 */
const UNOWNED = new Set<TcpState>([TcpState.TIME_WAIT, TcpState.SYN_RECEIVED]);

/** Windows' System process has pid 4 on every installation. */
const FIXED_PIDS: Readonly<Record<string, number>> = { System: 4 };

export interface Connection {
  state: TcpState;
  /** Our process; dropped for states the kernel holds alone. */
  process?: string;
  local: Endpoint;
  localPort: number;
  remote: Endpoint;
  remotePort: number;
}

/** Builds one host's sockets for one round: stable pids, unique ephemeral ports, OS spellings. */
export class HostSockets {
  readonly sockets: Socket[] = [];
  private readonly used = new Set<number>();
  private taken = 0;
  private readonly owners = new Map<string, { pid: number; uid: number }>();

  constructor(
    readonly host: SimHost,
    private readonly seed: number,
    private readonly random: Random,
    listening: Iterable<number>,
  ) {
    for (const port of listening) {
      this.used.add(port);
      if (port >= host.ephemeralRange.low && port <= host.ephemeralRange.high) this.taken += 1;
    }
  }

  /** A local port from the host's ephemeral range that no other socket of the snapshot uses. */
  ephemeralPort(): number {
    const { low, high } = this.host.ephemeralRange;
    if (this.taken >= high - low + 1) throw new Error(`${this.host.hostname}: ephemeral ports exhausted`);
    for (;;) {
      const port = this.random.int(low, high);
      if (!this.used.has(port)) {
        this.used.add(port);
        this.taken += 1;
        return port;
      }
    }
  }

  /** The host's own address in the family of the peer. */
  localEndpoint(remote: Endpoint): Endpoint {
    if (remote.address.startsWith('127.')) return remote;
    return remote.family === 'ipv6'
      ? { family: 'ipv6', address: this.host.address6 }
      : { family: 'ipv4', address: this.host.address };
  }

  /** A process's pid and uid: the same in every round, so a leak stays with one process. */
  ownerOf(process: string): { pid: number; uid: number } {
    let owner = this.owners.get(process);
    if (!owner) {
      const pid =
        FIXED_PIDS[process] ?? Random.of(this.seed, 'pid', this.host.index, process).int(300, 4_000_000);
      owner = { pid, uid: this.uidOf(process) };
      this.owners.set(process, owner);
    }
    return owner;
  }

  add(connection: Connection, queues: { recv?: number; send?: number } = {}): void {
    const { os } = this.host;
    const socket: Socket = {
      family: connection.local.family,
      localAddress: connection.local.address,
      localPort: connection.localPort,
      remoteAddress: connection.remote.address,
      remotePort: connection.remotePort,
      state: connection.state,
      rawState: rawStateOf(os, connection.state),
    };
    // netstat.exe and Get-NetTCPConnection print no queues; the Unix tools do.
    if (os !== 'windows') {
      socket.recvQueue = queues.recv ?? 0;
      socket.sendQueue = queues.send ?? 0;
    }
    if (connection.process !== undefined && !UNOWNED.has(connection.state)) {
      const owner = this.ownerOf(connection.process);
      socket.process = connection.process;
      socket.pid = owner.pid;
      if (os === 'linux') socket.uid = owner.uid;
    }
    this.sockets.push(socket);
  }

  /**
   * The socket owner's uid: root for sshd and nginx (their listeners are opened as root, and accepted
   * sockets keep the listener's owner), nobody for node_exporter, a system uid per other daemon.
   */
  private uidOf(process: string): number {
    if (process === 'sshd' || process === 'nginx') return 0;
    if (process === 'node_exporter') return 65534;
    return Random.of(this.seed, 'uid', this.host.index, process).int(100, 999);
  }
}
