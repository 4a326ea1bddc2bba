#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { parseIncidents } from './simulator/incidents';
import { Simulator } from './simulator/simulator';

const USAGE = `usage: simulate [options]
  --server URL           the API (default http://127.0.0.1:8080)
  --enroll-secret TEXT   the fleet enrolment secret (default $TCPFLEET_ENROLL_SECRET)
  --hosts N              hosts in the fleet (default 12)
  --interval DURATION    time between rounds: 30s, 500ms, 2m (default 30s)
  --rounds N             rounds to push, 0 for until stopped (default 0)
  --concurrency N        agents pushing at once (default 8)
  --seed N               the same seed gives the same fleet and snapshots (default 1)
  --incidents LIST       all, none, or any of close-wait-leak,syn-flood,time-wait-pile (default all)
  --max-sockets N        cap on each snapshot's socket list (default 5000)
  --no-findings          leave listeners and destinations out of the snapshots
  --quiet                print failures only`;

export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  if (!match) throw new Error(`bad duration "${text}": expected e.g. 30s, 500ms, 2m`);
  const unit = match[2] ?? 's';
  return Number(match[1]) * (unit === 'ms' ? 1 : unit === 's' ? 1000 : 60_000);
}

function whole(text: string, name: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number >= ${min}`);
  return value;
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      server: { type: 'string', default: 'http://127.0.0.1:8080' },
      'enroll-secret': { type: 'string', default: process.env.TCPFLEET_ENROLL_SECRET ?? '' },
      hosts: { type: 'string', default: '12' },
      interval: { type: 'string', default: '30s' },
      rounds: { type: 'string', default: '0' },
      concurrency: { type: 'string', default: '8' },
      seed: { type: 'string', default: '1' },
      incidents: { type: 'string', default: 'all' },
      'max-sockets': { type: 'string', default: '5000' },
      'no-findings': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  if (!values['enroll-secret'])
    throw new Error('the enrolment secret is missing: --enroll-secret or TCPFLEET_ENROLL_SECRET');
  const intervalMs = parseDuration(values.interval);
  const rounds = whole(values.rounds, 'rounds', 0);
  const simulator = new Simulator({
    server: values.server,
    enrollSecret: values['enroll-secret'],
    hosts: whole(values.hosts, 'hosts', 1),
    seed: whole(values.seed, 'seed', 0),
    incidents: parseIncidents(values.incidents),
    concurrency: whole(values.concurrency, 'concurrency', 1),
    maxSockets: whole(values['max-sockets'], 'max-sockets', 0),
    findings: !values['no-findings'],
  });
  let stopping = false;
  let wake = (): void => undefined;
  const stop = (): void => {
    stopping = true;
    wake();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await simulator.enrol();
    if (!values.quiet) console.log(`simulator: ${simulator.fleet.length} hosts enrolled at ${values.server}`);
    for (let round = 0; !stopping && (rounds === 0 || round < rounds); round++) {
      const started = Date.now();
      const report = await simulator.round(round);
      if (report.failed > 0) {
        console.error(`simulator: round ${round}: ${report.failed} snapshots failed, first: ${report.error}`);
      } else if (!values.quiet) {
        console.log(
          `simulator: round ${round}: ${report.snapshots} snapshots, ${report.countRows} count rows in ${Math.round(report.ms)} ms`,
        );
      }
      const last = rounds !== 0 && round === rounds - 1;
      if (!last)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.max(0, started + intervalMs - Date.now()));
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
    }
  } finally {
    simulator.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`simulator: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
