import { endianness } from 'node:os';
import type { ParseWarning, ProcRowVisitor } from '@tcpfleet/model';
import { reason } from '../errors';
import { scanProcFile } from './proc_read_linux';
import { ProcStream } from './proc_stream_linux';
import type { SocketTable } from './socket_table';

const byteOrder = endianness() === 'LE' ? 'little' : 'big';

/** A table file, `tcp` or `tcp6`, and the network namespace its sockets are tagged with. */
export interface TableFile {
  path: string;
  name: 'tcp' | 'tcp6';
  netns: string | undefined;
}

export interface Failure {
  file: TableFile;
  error: unknown;
}

export const failureText = ({ file, error }: Failure): string => `cannot read ${file.path}: ${reason(error)}`;

/**
 * The table files of one collection, read into one SocketTable: one on this thread, the others
 * meanwhile through libuv's thread pool (proc_stream_linux.ts), so the kernel walks the socket
 * hash for several files at once. Rows reach the table file by file, in the order the files were
 * given, and each file's warnings are named after it.
 */
export class TableReads {
  readonly failures: Failure[] = [];
  private readonly started: { file: TableFile; stream: ProcStream }[] = [];

  constructor(
    private readonly sockets: SocketTable,
    private readonly warnings: string[],
  ) {}

  /** Starts reading a file through the thread pool; its rows come in at finish(). */
  start(file: TableFile): Failure | undefined {
    try {
      this.started.push({ file, stream: new ProcStream(file.path) });
      return undefined;
    } catch (error) {
      return { file, error };
    }
  }

  /** Reads a file on this thread, now; the streams started before it go on meanwhile. */
  readNow(file: TableFile): void {
    try {
      this.note(file, scanProcFile(file.path, byteOrder, this.visitor(file)));
    } catch (error) {
      this.failures.push({ file, error });
    }
  }

  /** Scans every started file, in the order they were started. */
  async finish(): Promise<void> {
    for (const { file, stream } of this.started) {
      try {
        this.note(file, await stream.scan(byteOrder, this.visitor(file)));
      } catch (error) {
        this.failures.push({ file, error });
      }
    }
    this.started.length = 0;
  }

  private visitor({ netns }: TableFile): ProcRowVisitor {
    const { sockets } = this;
    return (row) => sockets.add(row, netns);
  }

  private note(file: TableFile, problems: readonly ParseWarning[]): void {
    for (const problem of problems)
      this.warnings.push(`${file.name} line ${problem.line}: ${problem.message}`);
  }
}
