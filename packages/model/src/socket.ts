import type { TcpState } from './states/tcp-state';

export type AddressFamily = 'ipv4' | 'ipv6';

/**
 * One TCP socket as any source reports it, decoded into the canonical model.
 *
 * Addresses are printed in their usual text form: dotted quad for IPv4, RFC 5952 compressed
 * lower-case for IPv6 (IPv4-mapped addresses as `::ffff:a.b.c.d`). A wildcard address is
 * `0.0.0.0` or `::`, a wildcard port is 0.
 */
export interface Socket {
  family: AddressFamily;
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
  state: TcpState;
  /** The state exactly as the source printed it (`0A`, `SYN-RECV`, `FinWait2`, ...). */
  rawState: string;
  /**
   * Bytes (or, for LISTEN sockets on Linux, connections) waiting to be read by the application:
   * Recv-Q / rx_queue. For a LISTEN socket this is the accept queue in use.
   */
  recvQueue?: number;
  /** Bytes not yet acknowledged by the peer: Send-Q / tx_queue. For LISTEN on `ss`, the backlog. */
  sendQueue?: number;
  pid?: number;
  process?: string;
  uid?: number;
  inode?: number;
  /** The network namespace the socket lives in, when the collector reads more than one. */
  netns?: string;
}

export interface ParseWarning {
  /** 1-based line number in the input, 0 when the warning is about the input as a whole. */
  line: number;
  message: string;
}

/** The identifiers of the text formats the parsers read. */
export type FormatName =
  | 'linux-proc'
  | 'linux-ss'
  | 'linux-netstat'
  | 'macos-netstat'
  | 'freebsd-netstat'
  | 'freebsd-sockstat'
  | 'windows-netstat'
  | 'powershell-table'
  | 'powershell-json'
  | 'illumos-netstat';

export interface ParseResult {
  format: FormatName;
  sockets: Socket[];
  warnings: ParseWarning[];
}

/** A parser is pure and total: any text in, sockets and warnings out, never an exception. */
export type Parser = (text: string) => ParseResult;
