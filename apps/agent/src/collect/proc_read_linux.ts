import { closeSync, openSync, readSync } from 'node:fs';
import { ProcNetTcpScanner, type ByteOrder, type ParseWarning, type ProcRowVisitor } from '@tcpfleet/model';

/*
 * Each read() of a seq_file gives at most one buffer of whole records, a page unless a single
 * record needs more (seq_read_iter() in fs/seq_file.c stops filling when m->buf overflows), and
 * /proc/net/tcp resumes its hash walk where the last read stopped (tcp_seq_start() and
 * tcp_seek_last_pos() in net/ipv4/tcp_ipv4.c). So a bigger read does not mean fewer calls; what
 * the buffer saves is a string and a copy per chunk. One buffer serves every read of the process.
 */
const BUFFER_BYTES = 256 * 1024;
// Scan once less than this is left: room for at least one more page from the kernel.
const ROOM = 8 * 1024;
let buffer: Buffer | undefined;

/**
 * Reads one /proc/net/tcp or tcp6 file through the shared buffer, scanning the bytes as they come,
 * and hands each row to `visit`. Returns the scanner's warnings; throws when the file cannot be read.
 */
export function scanProcFile(path: string, byteOrder: ByteOrder, visit: ProcRowVisitor): ParseWarning[] {
  const scanner = new ProcNetTcpScanner(visit, { byteOrder });
  const fd = openSync(path, 'r');
  try {
    let bytes = (buffer ??= Buffer.allocUnsafe(BUFFER_BYTES));
    let filled = 0;
    for (;;) {
      const read = readSync(fd, bytes, filled, bytes.length - filled, null);
      if (read === 0) break;
      filled += read;
      if (bytes.length - filled >= ROOM) continue;
      const used = scanner.scan(bytes, filled, false);
      bytes.copyWithin(0, used, filled);
      filled -= used;
      // Only a line longer than the whole buffer gets here (the kernel's rows are 150 bytes).
      if (bytes.length - filled < ROOM) bytes = buffer = Buffer.concat([bytes, Buffer.alloc(bytes.length)]);
    }
    scanner.scan(bytes, filled, true);
  } finally {
    closeSync(fd);
  }
  if (scanner.blank) scanner.warnings.push({ line: 0, message: 'the input is empty' });
  return scanner.warnings;
}
