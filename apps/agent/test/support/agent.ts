import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from '../../src/agent';
import { PLATFORMS } from '../../src/collect/platform';
import { credentialFor } from '../../src/commands/delivery';
import type { TrustedCa } from '../../src/config/ca';
import { ApiClient } from '../../src/deliver/api';
import { DropCounter } from '../../src/deliver/drops';
import type { EnrollOptions } from '../../src/deliver/enroll';
import { Shipper } from '../../src/deliver/shipper';
import { Spool } from '../../src/deliver/spool';
import { createLogger } from '../../src/log/logger';
import { SnapshotTaker } from '../../src/snapshot/take';
import { linuxOptions, PROC_TREE } from '../fixtures';

export interface TestAgent {
  agent: Agent;
  spool: Spool;
  drops: DropCounter;
  shipper: Shipper;
  logs: string[];
  stateDir: string;
}

export interface TestAgentOptions {
  spoolMax?: number;
  stateDir?: string;
  /** Lets the agent enrol again after a 401, as `run` does when the secret is set. */
  enrollSecret?: string;
  ca?: TrustedCa;
  /** The clock re-enrolment is paced by. */
  now?: () => number;
}

/** The backoff of the test agent: milliseconds where `run` has seconds. */
export const TEST_BACKOFF = { baseMs: 5, maxMs: 20 };

/**
 * The real agent over the fixture proc tree, delivering to `server` with millisecond backoff,
 * starting with the host token `host-token`.
 */
export function testAgent(server: string, options: TestAgentOptions = {}): TestAgent {
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), 'agent-'));
  const logs: string[] = [];
  const log = createLogger({
    format: 'json',
    level: 'debug',
    stream: { write: (line: string) => logs.push(line) },
  });
  const taker = new SnapshotTaker({
    os: 'linux',
    platform: PLATFORMS.linux,
    options: linuxOptions(PROC_TREE, { log }),
    hostname: 'test-host',
    labels: {},
    maxSockets: 100,
  });
  const spool = new Spool(join(stateDir, 'spool'), options.spoolMax ?? 100, log);
  const drops = new DropCounter(join(stateDir, 'spool-dropped.json'));
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const api = new ApiClient({ server, timeoutMs: 2000, ...(options.ca ? { ca: options.ca } : {}) });
  const enrolment: EnrollOptions = {
    api,
    server,
    stateDir,
    secret: options.enrollSecret,
    request: { hostname: 'test-host' },
    log,
    backoff: TEST_BACKOFF,
    attempts: 1,
    sleep,
  };
  const token = { hostId: 'host-1', hostname: 'test-host', token: 'host-token', server, enrolledAt: '' };
  const shipper = new Shipper({
    api,
    credential: credentialFor(enrolment, token, options.now),
    spool,
    drops,
    log,
    backoff: TEST_BACKOFF,
    attempts: 3,
    sleep,
  });
  const agent = new Agent({ taker, shipper, drops, log, intervalMs: 50, sleep });
  return { agent, spool, drops, shipper, logs, stateDir };
}
