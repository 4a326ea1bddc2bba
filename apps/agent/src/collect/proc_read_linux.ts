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
/** Scan once less than this is left: room for at least one more page from the kernel. */
export const ROOM = 8 * 1024;
let buffer: Buffer | undefined;

/*
 * The read that finds the end of /proc/net/tcp costs a whole walk of the socket hash: at the end,
 * tcp_seek_last_pos() finds no socket to resume at and tcp_seq_start() falls back to
 * tcp_get_idx(), which walks every bucket from the first to find that there is nothing at that
 * position (net/ipv4/tcp_ipv4.c). That is 7 ms of kernel time for 40,000 sockets, and as much as
 * the whole read of a tcp6 file holding no IPv6 socket. It can be skipped: seq_read_iter() ends a
 * read early only at the last record, when its buffer of at least a page (4 KiB on every Linux
 * architecture) cannot take the next record, or when the caller's count is reached. A record is
 * 150 bytes in tcp (TMPSZ in tcp4_seq_show()) and under 300 in tcp6 (get_tcp6_sock()), so a read
 * shorter than both what was asked and a page less one long record can only be the last one.
 * A regular file (a fixture tree) reads short only at its end anyway.
 */
const LAST_READ_MAX = 4096 - 512;

/** Whether a read that got `got` of the `asked` bytes reached the end of a socket table. */
export function lastRead(got: number, asked: number): boolean {
  return got === 0 || (got < asked && got <= LAST_READ_MAX);
}

/** The scanner's warnings once the whole file went through it. */
export function finish(scanner: ProcNetTcpScanner): ParseWarning[] {
  if (scanner.blank) scanner.warnings.push({ line: 0, message: 'the input is empty' });
  return scanner.warnings;
}

/**
 * Reads one /proc/net/tcp or tcp6 file through the shared buffer on this thread, scanning the
 * bytes as they come, and hands each row to `visit`. Returns the scanner's warnings; throws when
 * the file cannot be read. For the largest table: a read through the thread pool costs a round
 * trip between threads per page, more than the scan that could overlap it (proc_stream_linux.ts).
 */
export function scanProcFile(path: string, byteOrder: ByteOrder, visit: ProcRowVisitor): ParseWarning[] {
  const scanner = new ProcNetTcpScanner(visit, { byteOrder });
  const fd = openSync(path, 'r');
  try {
    let bytes = (buffer ??= Buffer.allocUnsafe(BUFFER_BYTES));
    let filled = 0;
    for (;;) {
      const asked = bytes.length - filled;
      const got = readSync(fd, bytes, filled, asked, null);
      filled += got;
      if (lastRead(got, asked)) break;
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
  return finish(scanner);
}
