type TypedArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

/**
 * The columns of a SocketTable, each a typed array allocated ahead to the table's capacity. Texts
 * (addresses, raw states, process names) are numbers into the table's list of distinct texts: a
 * host's rows repeat a few addresses and names, and four numbers a row take half the memory of four
 * references, outside the JavaScript heap, where untouched capacity costs nothing. A missing pid
 * is -1, a missing inode and a missing process 0; queues and uid have a bit each in `known`.
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
  /** Indexes into the table's texts, as are remoteAddress, rawState and process. */
  localAddress: Uint32Array;
  remoteAddress: Uint32Array;
  rawState: Uint32Array;
  process: Uint32Array;
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
    localAddress: typed(Uint32Array, from?.localAddress),
    remoteAddress: typed(Uint32Array, from?.remoteAddress),
    rawState: typed(Uint32Array, from?.rawState),
    process: typed(Uint32Array, from?.process),
  };
}
