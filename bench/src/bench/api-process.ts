import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ApiProcessOptions {
  /** The repository root: the API runs from apps/api/dist (built by `pnpm run build`). */
  root: string;
  env: Record<string, string>;
  /** Where the API's output goes. */
  logFile: string;
  /** Write a V8 CPU profile into this directory when the process ends (node --cpu-prof). */
  cpuProfileDir?: string;
}

/** `tcpfleet-api serve` in its own process, as an operator runs it, with its memory observable. */
export class ApiProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(options: ApiProcessOptions): Promise<ApiProcess> {
    const profile = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
    const main = join(options.root, 'apps/api/dist/main.js');
    const child = spawn(process.execPath, [...profile, main, 'serve'], {
      env: { ...process.env, ...options.env, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = createWriteStream(options.logFile);
    child.stderr?.pipe(log);
    const port = await new Promise<number>((resolve, reject) => {
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        log.write(chunk);
        output += chunk.toString();
        const match = /listening on [^\s]+:(\d+)/.exec(output);
        if (match) resolve(Number(match[1]));
      });
      child.once('exit', (code) =>
        reject(new Error(`the API exited (${code}) before listening; see ${options.logFile}`)),
      );
    });
    return new ApiProcess(child, `http://127.0.0.1:${port}`);
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error('the API process has no pid');
    return this.child.pid;
  }

  /**
   * Resets the kernel's peak RSS of the process (VmHWM), so that the next reading covers only what
   * follows: writing 5 to /proc/<pid>/clear_refs (Documentation/filesystems/proc.rst, since Linux 4.0).
   */
  resetPeakRss(): void {
    writeFileSync(`/proc/${this.pid}/clear_refs`, '5');
  }

  /** Peak and current resident memory in bytes, from /proc/<pid>/status (VmHWM, VmRSS). */
  memory(): { peakBytes: number; rssBytes: number } {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = (field: string): number =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { peakBytes: kb('VmHWM') * 1024, rssBytes: kb('VmRSS') * 1024 };
  }

  /** SIGTERM, then waits: the API closes its server and pool, and node writes the CPU profile. */
  stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}
