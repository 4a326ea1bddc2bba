import { TCP_STATES, TcpState, toWireSocket, type Socket, type WireSocket } from '@tcpfleet/model';
import { processName } from '../snapshot/wire';
import { allocate, RECV_QUEUE, SEND_QUEUE, UID, type Columns } from './socket_columns';

/** The fields a row takes: a whole Socket, or the row object a scanner reuses. */
export type TableRow = Pick<
  Socket,
  'family' | 'localAddress' | 'localPort' | 'remoteAddress' | 'remotePort' | 'state' | 'rawState'
> &
  Partial<Pick<Socket, 'recvQueue' | 'sendQueue' | 'uid' | 'inode' | 'pid' | 'process'>>;

const STATE_INDEX = new Map<TcpState, number>(TCP_STATES.map((state, index) => [state, index]));
const LISTEN = STATE_INDEX.get(TcpState.LISTEN);
const FIRST_CAPACITY = 1024;
const MAX_U32 = 0xffffffff;

/**
 * The sockets of one collection, column by column (socket_columns.ts), every column a typed array,
 * each distinct text kept once. A busy host's 40,000 sockets take about 2 MB here, where as Socket
 * objects they took tens of megabytes; only the sockets a snapshot lists become objects.
 */
export class SocketTable {
  size = 0;
  private c: Columns;
  /** Network namespace ids; index 0 is the agent's own namespace, left untagged. */
  private readonly namespaces: (string | undefined)[] = [undefined];
  /** The distinct texts of the text columns; 0 is no text (a socket without a process). */
  private readonly texts: (string | undefined)[] = [undefined];
  private readonly textIndex = new Map<string, number>();

  /** `capacity`: rows expected, e.g. the last collection's, so the columns need not grow. */
  constructor(capacity = FIRST_CAPACITY) {
    this.c = allocate(Math.max(FIRST_CAPACITY, capacity));
  }

  /** A table of parsed sockets, their process names held to the wire's limits. */
  static of(sockets: readonly TableRow[]): SocketTable {
    const table = new SocketTable(sockets.length);
    for (const socket of sockets) {
      const process = socket.process === undefined ? undefined : processName(socket.process);
      table.add(process === socket.process ? socket : { ...socket, process });
    }
    return table;
  }

  /** Appends one socket; `netns` tags sockets read from another network namespace. */
  add(row: TableRow, netns?: string): void {
    if (this.size === this.c.state.length) this.c = allocate(this.size * 2, this.c, this.size);
    const { c } = this;
    const i = this.size++;
    c.ipv6[i] = row.family === 'ipv6' ? 1 : 0;
    c.state[i] = STATE_INDEX.get(row.state) ?? 0;
    c.localPort[i] = row.localPort;
    c.remotePort[i] = row.remotePort;
    c.recvQueue[i] = Math.min(row.recvQueue ?? 0, MAX_U32);
    c.sendQueue[i] = Math.min(row.sendQueue ?? 0, MAX_U32);
    c.uid[i] = Math.min(row.uid ?? 0, MAX_U32);
    c.known[i] =
      (row.recvQueue === undefined ? 0 : RECV_QUEUE) |
      (row.sendQueue === undefined ? 0 : SEND_QUEUE) |
      (row.uid === undefined ? 0 : UID);
    c.inode[i] = row.inode ?? 0;
    c.pid[i] = row.pid ?? -1;
    c.netns[i] = netns === undefined ? 0 : this.namespaceIndex(netns);
    c.localAddress[i] = this.text(row.localAddress);
    c.remoteAddress[i] = this.text(row.remoteAddress);
    c.rawState[i] = this.text(row.rawState);
    c.process[i] = this.text(row.process);
  }

  state(i: number): TcpState {
    return TCP_STATES[this.c.state[i]] ?? TcpState.UNKNOWN;
  }

  localPort(i: number): number {
    return this.c.localPort[i];
  }

  remoteAddress(i: number): string {
    return this.textAt(this.c.remoteAddress[i]);
  }

  remotePort(i: number): number {
    return this.c.remotePort[i];
  }

  process(i: number): string | undefined {
    return this.texts[this.c.process[i]];
  }

  /** The socket's inode; 0 when it has none (TIME_WAIT, open requests, non-Linux sources). */
  inode(i: number): number {
    return this.c.inode[i];
  }

  /** The inode column (0 where none), as a view: valid until the next add. */
  inodes(): Float64Array {
    return this.c.inode.subarray(0, this.size);
  }

  /** The namespace number of a row: 0 for the agent's own, then one per namespace seen. */
  namespace(i: number): number {
    return this.c.netns[i];
  }

  get namespaceCount(): number {
    return this.namespaces.length;
  }

  /** LISTEN sockets with connections waiting for accept() (a receive queue above 0). */
  queuedListeners(): number {
    let queued = 0;
    for (let i = 0; i < this.size; i++) if (this.c.state[i] === LISTEN && this.c.recvQueue[i] > 0) queued++;
    return queued;
  }

  setOwner(i: number, pid: number, process: string | undefined): void {
    this.c.pid[i] = pid;
    this.c.process[i] = this.text(process);
  }

  /** One row as a Socket object, for the few a snapshot lists and for tests. */
  socket(i: number): Socket {
    const { c } = this;
    const socket: Socket = {
      family: c.ipv6[i] === 1 ? 'ipv6' : 'ipv4',
      localAddress: this.textAt(c.localAddress[i]),
      localPort: c.localPort[i],
      remoteAddress: this.remoteAddress(i),
      remotePort: c.remotePort[i],
      state: this.state(i),
      rawState: this.textAt(c.rawState[i]),
    };
    if (c.known[i] & RECV_QUEUE) socket.recvQueue = c.recvQueue[i];
    if (c.known[i] & SEND_QUEUE) socket.sendQueue = c.sendQueue[i];
    if (c.known[i] & UID) socket.uid = c.uid[i];
    if (c.inode[i] !== 0) socket.inode = c.inode[i];
    if (c.pid[i] >= 0) socket.pid = c.pid[i];
    if (c.process[i] !== 0) socket.process = this.process(i);
    const netns = this.namespaces[c.netns[i]];
    if (netns !== undefined) socket.netns = netns;
    return socket;
  }

  /** One row as the snapshot lists it: the model's wire form of the row's Socket. */
  wire(i: number): WireSocket {
    return toWireSocket(this.socket(i));
  }

  /** Every row as a Socket: for tests and small tables only. */
  all(): Socket[] {
    return Array.from({ length: this.size }, (_, i) => this.socket(i));
  }

  /** The number of a text in `texts`, adding it the first time; 0 for none. */
  private text(text: string | undefined): number {
    if (text === undefined) return 0;
    let index = this.textIndex.get(text);
    if (index === undefined) this.textIndex.set(text, (index = this.texts.push(text) - 1));
    return index;
  }

  /** The text of a column that always has one (addresses, raw state). */
  private textAt(index: number): string {
    return this.texts[index] ?? '';
  }

  private namespaceIndex(netns: string): number {
    const known = this.namespaces.indexOf(netns);
    if (known >= 0) return known;
    this.namespaces.push(netns);
    return this.namespaces.length - 1;
  }
}
