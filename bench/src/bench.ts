#!/usr/bin/env node
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runBench } from './bench/run';
import { DEFAULT_NAME, writeResult } from './bench/report';

const USAGE = `usage: pnpm bench [-- options]
  --postgres URL    server to create the run's database on (default $TCPFLEET_BENCH_PG_URL or
                    postgres://postgres@127.0.0.1:5432/postgres)
  --hosts N         simulated hosts (default 10000)
  --rounds N        snapshots per host in the ingestion run (default 2)
  --agents N        concurrent agents pushing (default 50)
  --iterations N    timed runs of each query (default 300), after --warmup N (default 30)
  --seed N          fleet seed (default 1)
  --name NAME       results file name prefix (default fleet)
  --profile         run the API under node --cpu-prof and summarise where its time goes
  --keep-database   leave the run's database in place (drop it yourself when done)`;

const ROOT = resolve(__dirname, '../..');

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    // `pnpm bench -- --hosts 100` hands the script the `--` too.
    args: argv[0] === '--' ? argv.slice(1) : argv,
    options: {
      postgres: {
        type: 'string',
        default: process.env.TCPFLEET_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
      },
      hosts: { type: 'string', default: '10000' },
      rounds: { type: 'string', default: '2' },
      agents: { type: 'string', default: '50' },
      iterations: { type: 'string', default: '300' },
      warmup: { type: 'string', default: '30' },
      seed: { type: 'string', default: '1' },
      name: { type: 'string', default: DEFAULT_NAME },
      profile: { type: 'boolean', default: false },
      'keep-database': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const whole = (name: keyof typeof values, min: number): number => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < min)
      throw new Error(`--${name} must be a whole number >= ${min}`);
    return value;
  };
  const result = await runBench({
    root: ROOT,
    serverUrl: values.postgres,
    hosts: whole('hosts', 4),
    rounds: whole('rounds', 1),
    agents: whole('agents', 1),
    iterations: whole('iterations', 1),
    warmup: whole('warmup', 0),
    seed: whole('seed', 0),
    name: values.name,
    profile: values.profile,
    keepDatabase: values['keep-database'],
    log: (line) => console.log(`bench: ${line}`),
  });
  const path = writeResult(resolve(ROOT, 'bench/results'), result);
  console.log(`bench: done in ${result.seconds} s; results in ${path} and its markdown table`);
  for (const target of result.targets) {
    console.log(
      `  ${target.met ? 'met   ' : 'MISSED'} ${target.name}: ${target.actual} (wanted ${target.target})`,
    );
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
