import { closeSync, openSync, read } from 'node:fs';
import { ProcNetTcpScanner, type ByteOrder, type ParseWarning, type ProcRowVisitor } from '@tcpfleet/model';
import { finish, lastRead, ROOM } from './proc_read_linux';

// Three pages ahead at most while a stream waits for its turn.
const FIRST_BYTES = 16 * 1024;

/**
 * One /proc/net/tcp or tcp6 file read through libuv's thread pool while this thread reads another:
 * the kernel's walk of the socket hash for this file runs on another core meanwhile. Every table
 * file walks the whole hash, however few of its sockets it prints (tcp6 skips the IPv4 sockets, a
 * namespace's file those of the others), so a small file costs about as much as a large one.
 * The bytes wait in the stream's own buffer until scan() is called, so the rows reach the table in
 * the order the files were asked for, whatever order the reads end in. A stream whose buffer is
 * full reads on only once it is being scanned: a table waiting for its turn holds one buffer.
 */
export class ProcStream {
  private readonly fd: number;
  private bytes = Buffer.allocUnsafe(FIRST_BYTES);
  private filled = 0;
  private reading = false;
  private done = false;
  private closed = false;
  private failure: unknown;
  private scanner: ProcNetTcpScanner | undefined;
  private settle: ((failure: unknown) => void) | undefined;

  /** Opens the file at once, so a missing one throws here, and starts reading it. */
  constructor(readonly path: string) {
    this.fd = openSync(path, 'r');
    this.readNext();
  }

  /** Hands each row to `visit` as the bytes come; resolves with the warnings, rejects when a read fails. */
  scan(byteOrder: ByteOrder, visit: ProcRowVisitor): Promise<ParseWarning[]> {
    const scanner = (this.scanner = new ProcNetTcpScanner(visit, { byteOrder }));
    return new Promise((resolve, reject) => {
      this.settle = (failure) => (failure === undefined ? resolve(finish(scanner)) : reject(failure));
      this.advance();
    });
  }

  private readNext(): void {
    const asked = this.bytes.length - this.filled;
    this.reading = true;
    read(this.fd, this.bytes, this.filled, asked, null, (error, got) => {
      this.reading = false;
      if (error) this.failure = error;
      else this.filled += got;
      this.done = error !== null || lastRead(got, asked);
      this.advance();
    });
  }

  /** Scans what has come if this stream is being scanned, then reads on while there is room. */
  private advance(): void {
    const { scanner } = this;
    if (scanner && this.failure === undefined) {
      try {
        this.scanFilled(scanner);
      } catch (error) {
        // Not a row the scanner could skip (it never throws on bad input): a table that cannot take it.
        this.failure = error;
      }
    }
    if (this.done || this.failure !== undefined) {
      if (!this.reading) this.end();
    } else if (!this.reading && this.bytes.length - this.filled >= ROOM) this.readNext();
  }

  private scanFilled(scanner: ProcNetTcpScanner): void {
    const used = scanner.scan(this.bytes, this.filled, this.done);
    this.bytes.copyWithin(0, used, this.filled);
    this.filled -= used;
    // Only a line longer than the whole buffer leaves no room after a scan.
    if (this.bytes.length - this.filled < ROOM) {
      this.bytes = Buffer.concat([this.bytes, Buffer.alloc(this.bytes.length)]);
    }
  }

  /** Closes the file once, and settles scan() once it has been called. */
  private end(): void {
    if (!this.closed) {
      this.closed = true;
      closeSync(this.fd);
    }
    const settle = this.settle;
    this.settle = undefined;
    settle?.(this.failure);
  }
}
