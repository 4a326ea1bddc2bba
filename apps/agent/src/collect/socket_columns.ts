type TypedArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

/**
 * The columns of a SocketTable, each allocated ahead to the table's capacity: typed arrays for the
 * numbers, arrays of references for the strings (storing into a slot costs less than push() per
 * row). A missing pid is -1 and a missing inode 0; queues and uid have a bit each in `known`.
 */
export interface Columns {
  ipv6: Uint8Array;
  /** Index into TCP_STATES. */
  state: Uint8Array;
  localPort: Uint16Array;
  remotePort: Uint16Array;
  recvQueue: Uint32Array;
  sendQueue: Uint32Array;
  uid: Uint32Array;
  known: Uint8Array;
  inode: Float64Array;
  pid: Int32Array;
  /** Index into the table's namespaces; 0 is the agent's own. */
  netns: Uint16Array;
  localAddress: string[];
  remoteAddress: string[];
  rawState: string[];
  process: (string | undefined)[];
}

// Bits of `known`.
export const RECV_QUEUE = 1;
export const SEND_QUEUE = 2;
export const UID = 4;

/** Columns for `capacity` rows, with the first `rows` rows of `from` copied in. */
export function allocate(capacity: number, from?: Columns, rows = 0): Columns {
  const typed = <T extends TypedArray>(make: new (n: number) => T, old?: T): T => {
    const next = new make(capacity);
    if (old) next.set(old.subarray(0, rows));
    return next;
  };
  // New arrays rather than a longer length: a stretched array may fall back to slow elements.
  const list = <T>(empty: T, old?: T[]): T[] => {
    const next = new Array<T>(capacity).fill(empty);
    if (old) for (let i = 0; i < rows; i++) next[i] = old[i];
    return next;
  };
  return {
    ipv6: typed(Uint8Array, from?.ipv6),
    state: typed(Uint8Array, from?.state),
    localPort: typed(Uint16Array, from?.localPort),
    remotePort: typed(Uint16Array, from?.remotePort),
    recvQueue: typed(Uint32Array, from?.recvQueue),
    sendQueue: typed(Uint32Array, from?.sendQueue),
    uid: typed(Uint32Array, from?.uid),
    known: typed(Uint8Array, from?.known),
    inode: typed(Float64Array, from?.inode),
    pid: typed(Int32Array, from?.pid),
    netns: typed(Uint16Array, from?.netns),
    localAddress: list('', from?.localAddress),
    remoteAddress: list('', from?.remoteAddress),
    rawState: list('', from?.rawState),
    process: list<string | undefined>(undefined, from?.process),
  };
}
