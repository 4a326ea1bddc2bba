import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopChild } from './child';
import { freePort } from './ports';

export const ENROLL_SECRET = 'hardening-enroll-secret-0123456789';
export const ADMIN_KEY = 'hardening-admin-key-0123456789abcdef';

export const REPO = join(__dirname, '../../..');
// The API runs from its TypeScript source, as its own end-to-end tests run it (see their support code).
const MAIN = join(REPO, 'apps/api/src/main.ts');
const REGISTER = join(REPO, 'apps/api/test/support/swc-register.js');

/**
 * `tcpfleet-api serve` in a process of its own on a fixed port of 127.0.0.1, so it can be killed and
 * started again where its agents expect it. `databaseUrl` empty means embedded PGlite in a temp dir.
 */
export class ApiProcess {
  private child: ChildProcess | null = null;
  private output = '';
  /** How the process ended when nobody asked it to (`code 1`, `SIGABRT`), else null. */
  exited: string | null = null;
  readonly dataDir = mkdtempSync(join(tmpdir(), 'tcpfleet-hardening-api-'));

  private constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  static async start(databaseUrl: string, env: Record<string, string> = {}): Promise<ApiProcess> {
    const api = new ApiProcess(await freePort(), { DATABASE_URL: databaseUrl, ...env });
    await api.start();
    return api;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** The last lines the API wrote, for failure messages. */
  get log(): string {
    return this.output.slice(-4000);
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['-r', REGISTER, MAIN, 'serve'], {
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        TCPFLEET_DATA_DIR: this.dataDir,
        TCPFLEET_ENROLL_SECRET: ENROLL_SECRET,
        TCPFLEET_ADMIN_KEY: ADMIN_KEY,
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = null;
    child.once('exit', (code, signal) => {
      if (this.child === child) this.exited = signal ?? `code ${code}`;
    });
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString()).slice(-50_000);
    };
    child.stderr?.on('data', keep);
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        keep(chunk);
        if (/listening on /.test(this.output)) resolve();
      });
      child.once('exit', (code, signal) =>
        reject(new Error(`the API exited (${code ?? signal}) before listening:\n${this.log}`)),
      );
    });
  }

  /** Ends the process with a signal and waits for it: SIGKILL is the crash, SIGTERM the clean stop. */
  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    this.child = null;
    return stopChild(child, signal);
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
