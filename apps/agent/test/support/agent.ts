import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from '../../src/agent';
import { PLATFORMS } from '../../src/collect/platform';
import { ApiClient } from '../../src/deliver/api';
import { DropCounter } from '../../src/deliver/drops';
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

/** The real agent over the fixture proc tree, delivering to `server` with millisecond backoff. */
export function testAgent(
  server: string,
  spoolMax = 100,
  stateDir = mkdtempSync(join(tmpdir(), 'agent-')),
): TestAgent {
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
  const spool = new Spool(join(stateDir, 'spool'), spoolMax, log);
  const drops = new DropCounter(join(stateDir, 'spool-dropped.json'));
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const shipper = new Shipper({
    api: new ApiClient({ server, timeoutMs: 2000 }),
    token: 'host-token',
    spool,
    drops,
    log,
    backoff: { baseMs: 5, maxMs: 20 },
    attempts: 3,
    sleep,
  });
  const agent = new Agent({ taker, shipper, drops, log, intervalMs: 50, sleep });
  return { agent, spool, drops, shipper, logs, stateDir };
}
