import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopChild } from './child';
import { ENROLL_SECRET, REPO } from './api-process';

export const AGENT_MAIN = join(REPO, 'apps/agent/dist/main.js');

export function agentBuilt(): boolean {
  return existsSync(AGENT_MAIN);
}

interface LogLine {
  msg?: string;
  reason?: string;
  id?: string;
  sockets?: number;
}

/**
 * The built `tcpfleet-agent run`, reading this machine's real sockets, with JSON logs at debug level:
 * "snapshot taken" names every snapshot it made (with its socket count) and "snapshot delivered"
 * every one the API acknowledged. The state directory (token, spool) outlives the process, so a
 * killed agent can be started again on it.
 */
export class AgentProcess {
  /** Snapshot id to its socket count, for every snapshot any run of this agent took. */
  readonly taken = new Map<string, number>();
  readonly delivered = new Set<string>();
  readonly messages: string[] = [];
  /** Every logged failure with its reason. */
  readonly reasons: string[] = [];
  readonly stateDir = mkdtempSync(join(tmpdir(), 'tcpfleet-hardening-agent-'));
  private child: ChildProcess | null = null;
  private partial = '';

  constructor(
    readonly hostname: string,
    private readonly server: string,
  ) {}

  start(): void {
    const args = ['run', '--server', this.server, '--hostname', this.hostname, '--interval', '1s'];
    const child = spawn(
      process.execPath,
      [AGENT_MAIN, ...args, '--state-dir', this.stateDir, '--timeout', '3s', '--max-sockets', '200'],
      {
        env: {
          PATH: process.env.PATH,
          TCPFLEET_ENROLL_SECRET: ENROLL_SECRET,
          TCPFLEET_LOG_FORMAT: 'json',
          TCPFLEET_LOG_LEVEL: 'debug',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    child.stderr?.on('data', (chunk: Buffer) => this.read(chunk.toString()));
    this.child = child;
  }

  private read(text: string): void {
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      let entry: LogLine;
      try {
        entry = JSON.parse(line) as LogLine;
      } catch {
        this.messages.push(line);
        continue;
      }
      this.messages.push(entry.msg ?? line);
      if (entry.reason) this.reasons.push(`${entry.msg}: ${entry.reason}`);
      if (entry.msg === 'snapshot taken' && entry.id) this.taken.set(entry.id, entry.sockets ?? -1);
      if (entry.msg === 'snapshot delivered' && entry.id) this.delivered.add(entry.id);
    }
  }

  /** Ids waiting in the spool on disk now (the file names carry them). */
  spooled(): string[] {
    const dir = join(this.stateDir, 'spool');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .map((name) => /^\d{12}-([0-9a-f-]{36})\.json\.gz$/.exec(name)?.[1])
      .filter((id): id is string => id !== undefined);
  }

  /** Taken snapshots neither acknowledged nor waiting in the spool. */
  unaccounted(): string[] {
    const spooled = new Set(this.spooled());
    return [...this.taken.keys()].filter((id) => !this.delivered.has(id) && !spooled.has(id));
  }

  /** Whether everything taken was acknowledged, bar the one snapshot a tick may hold right now. */
  get settled(): boolean {
    return this.spooled().length === 0 && this.delivered.size >= this.taken.size - 1;
  }

  /** What a failed expectation should show of this agent. */
  summary(): Record<string, unknown> {
    return {
      host: this.hostname,
      taken: this.taken.size,
      delivered: this.delivered.size,
      spooled: this.spooled().length,
      last: this.messages.slice(-8),
      reasons: [...new Set(this.reasons)].slice(-5),
    };
  }

  count(message: string): number {
    return this.messages.filter((m) => m === message).length;
  }

  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    this.child = null;
    return stopChild(child, signal);
  }

  async destroy(): Promise<void> {
    await this.stop('SIGKILL');
    rmSync(this.stateDir, { recursive: true, force: true });
  }
}
