import type { ParseResult, Socket } from '../../socket';
import { ProcNetTcpScanner, type ProcNetTcpOptions, type ProcRow } from './proc-scan';

export type { ByteOrder } from './proc-address';
export type { ProcNetTcpOptions } from './proc-scan';

/**
 * Reads `/proc/net/tcp` and `/proc/net/tcp6` text, either file or both concatenated, into sockets.
 * The rows are read by the same byte scanner `scanProcNetTcp` uses (see proc-scan.ts for the
 * kernel's line formats); the text is encoded to UTF-8 first, which keeps every ASCII field and
 * every line where it was.
 */
export function parseProcNetTcp(text: string, options: ProcNetTcpOptions = {}): ParseResult {
  const sockets: Socket[] = [];
  const scanner = new ProcNetTcpScanner((row) => sockets.push(socketOf(row)), options);
  scanner.scan(new TextEncoder().encode(text));
  const warnings = scanner.warnings;
  if (text.trim() === '') warnings.push({ line: 0, message: 'the input is empty' });
  if (scanner.droppedWarnings > 0) {
    warnings.push({ line: 0, message: `${scanner.droppedWarnings} further warnings not shown` });
  }
  return { format: 'linux-proc', sockets, warnings };
}

function socketOf(row: Readonly<ProcRow>): Socket {
  return {
    family: row.family,
    localAddress: row.localAddress,
    localPort: row.localPort,
    remoteAddress: row.remoteAddress,
    remotePort: row.remotePort,
    state: row.state,
    rawState: row.rawState,
    recvQueue: row.recvQueue,
    sendQueue: row.sendQueue,
    uid: row.uid,
    inode: row.inode,
  };
}
