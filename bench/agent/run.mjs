// Agent benchmark (DESIGN.md, "Performance"): 40,000 loopback sockets spread over child processes,
// then, side by side in one run: `ss -tan` against the agent's Linux collector + summariser, the
// extra cost of process attribution, and CPU seconds and peak RSS of `tcpfleet-agent once`.
// Each side is timed as what it is. `ss -tan` is a command: its spawn, its run and the transfer of
// its output to us count, counting its lines afterwards does not. "collect + summarise" is what
// `once` and every `run` interval do before printing or sending: SnapshotTaker.take() with the
// agent's default settings (the table read, the counts and destinations, the capped socket list,
// the listeners, the host facts), in this long-lived process as in a running agent. The two sides
// take turns going first, and the load average is recorded: the machine is not guaranteed to be quiet.
// Needs Linux, `ss`, and `pnpm run build` plus `pnpm --filter @tcpfleet/agent bundle` first.
// Usage: node bench/agent/run.mjs [--sockets 40000] [--rounds 11]
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, release, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const require = createRequire(import.meta.url);
const dist = join(root, 'apps', 'agent', 'dist');
const { PLATFORMS } = require(join(dist, 'collect', 'platform.js'));
const { SnapshotTaker } = require(join(dist, 'snapshot', 'take.js'));
const { defaultSettings } = require(join(dist, 'config', 'settings.js'));
const { commandRunner } = require(join(dist, 'collect', 'runner.js'));
const { silentLogger } = require(join(dist, 'log', 'logger.js'));
// The agent's own default cap of the socket list (apps/agent README, maxSockets).
const MAX_SOCKETS = defaultSettings({}).maxSockets;

const { values } = parseArgs({
  options: { sockets: { type: 'string', default: '40000' }, rounds: { type: 'string', default: '11' } },
});
const SOCKETS = Number(values.sockets);
const ROUNDS = Number(values.rounds);
// The workplace allows 20,000 descriptors per process; each holder keeps both ends of its connections.
const PER_PROCESS = 10_000;

async function startHolders() {
  const holders = [];
  for (let left = SOCKETS; left > 0; left -= PER_PROCESS) {
    const connections = Math.min(PER_PROCESS, left) / 2;
    // Raise the soft descriptor limit as far as the hard one allows, inside the child only.
    const child = spawn(
      'sh',
      ['-c', `ulimit -n "$(ulimit -Hn)"; exec "${process.execPath}" holder.mjs ${connections}`],
      {
        cwd: here,
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    holders.push(
      new Promise((resolve, reject) => {
        child.stdout.once('data', (data) => resolve({ child, port: Number(String(data).split(' ')[1]) }));
        child.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
      }),
    );
  }
  return Promise.all(holders);
}

async function timeIt(run) {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs `ss -tan` and gives its output; the caller counts the lines after the clock stops. */
function ss() {
  const result = spawnSync('ss', ['-tan'], { maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`ss -tan failed: ${result.stderr}`);
  return result.stdout;
}

/** Sockets in `ss -tan` output: its lines but the header. */
function ssSockets(output) {
  let lines = 0;
  for (let at = output.indexOf(10); at >= 0; at = output.indexOf(10, at + 1)) lines++;
  return lines - 1;
}

function onceRun(args, nodeFlags = []) {
  const file = join(mkdtempSync(join(tmpdir(), 'rusage-')), 'usage.json');
  const start = performance.now();
  const result = spawnSync(
    process.execPath,
    [
      ...nodeFlags,
      '-r',
      join(here, 'rusage.cjs'),
      join(dist, 'tcpfleet-agent.cjs'),
      'once',
      '--json',
      ...args,
    ],
    {
      env: { ...process.env, BENCH_RUSAGE: file },
      maxBuffer: 1 << 28,
    },
  );
  const wallMs = performance.now() - start;
  if (result.status !== 0) throw new Error(`once failed: ${result.stderr}`);
  const usage = JSON.parse(readFileSync(file, 'utf8'));
  return {
    wallMs,
    cpuS: (usage.userUs + usage.systemUs) / 1e6,
    maxRssMb: usage.maxRssKb / 1024,
    sockets: JSON.parse(result.stdout).collector.socketCount,
  };
}

const load = () => loadavg().map((x) => Math.round(x * 100) / 100);

async function measure() {
  const options = {
    procRoot: '/proc',
    // The real runner: the collector may start `ss -ltnH` for listener backlogs, and that counts.
    run: commandRunner({ timeoutMs: 10_000 }),
    log: silentLogger,
  };
  // One taker per agent process, as `run` keeps one: its collector's caches live as long as it.
  const taker = (attribution) =>
    new SnapshotTaker({
      os: 'linux',
      platform: PLATFORMS.linux,
      options: { ...options, attribution },
      hostname: 'bench',
      labels: {},
      maxSockets: MAX_SOCKETS,
    });
  const plain = taker(false);
  const warm = taker(true);
  await warm.take();
  const rows = {
    ss: [],
    collect: [],
    attributionCold: [],
    attributionWarm: [],
    onceNoAttribution: [],
    once: [],
    onceSmallHeap: [],
  };
  let seen = {};
  for (let round = 0; round < ROUNDS; round++) {
    const ssFirst = round % 2 === 0;
    const ssRun = ssFirst ? await timeIt(async () => ss()) : undefined;
    const ours = await timeIt(() => plain.take());
    const ssTimed = ssFirst ? ssRun : await timeIt(async () => ss());
    rows.ss.push(ssTimed.ms);
    rows.collect.push(ours.ms);
    const cold = await timeIt(() => taker(true).take());
    rows.attributionCold.push(cold.ms);
    const hot = await timeIt(() => warm.take());
    rows.attributionWarm.push(hot.ms);
    rows.onceNoAttribution.push(onceRun(['--no-attribution']));
    rows.once.push(onceRun([]));
    // The young generation the systemd unit starts node with (packaging/tcpfleet-agent.service).
    rows.onceSmallHeap.push(onceRun([], ['--max-semi-space-size=1']));
    seen = { ss: ssSockets(ssTimed.value), collector: ours.value.collector.socketCount };
  }
  return { rows, seen };
}

const best = (xs) => Math.min(...xs);
const round1 = (x) => Math.round(x * 10) / 10;
const round2 = (x) => Math.round(x * 100) / 100;

// Medians are the headline; the best round of each is beside them, since on a loaded machine the
// least disturbed run says most about the code.
function report({ rows, seen, machine }) {
  const line = (name, xs, note = '') => ({
    name,
    ms: round1(median(xs)),
    ratio: round2(median(xs) / median(rows.ss)),
    bestMs: round1(best(xs)),
    bestRatio: round2(best(xs) / best(rows.ss)),
    note,
  });
  const once = (xs, key) => median(xs.map((x) => x[key]));
  const wall = (xs) => xs.map((x) => x.wallMs);
  const table = [
    line('ss -tan (reference)', rows.ss, `${seen.ss} sockets listed`),
    line('collect + summarise, no attribution', rows.collect, `${seen.collector} sockets counted`),
    line('collect + summarise, attribution cold', rows.attributionCold, 'first snapshot: every fd link read'),
    line(
      'collect + summarise, attribution warm',
      rows.attributionWarm,
      'later snapshots: cache, no new inodes',
    ),
    line('once --json --no-attribution (whole process)', wall(rows.onceNoAttribution)),
    line('once --json (whole process)', wall(rows.once)),
    line('once --json, node --max-semi-space-size=1', wall(rows.onceSmallHeap)),
  ];
  const usage = {
    onceCpuSeconds: Math.round(once(rows.once, 'cpuS') * 1000) / 1000,
    onceMaxRssMb: Math.round(once(rows.once, 'maxRssMb') * 10) / 10,
    onceNoAttributionCpuSeconds: Math.round(once(rows.onceNoAttribution, 'cpuS') * 1000) / 1000,
    onceNoAttributionMaxRssMb: Math.round(once(rows.onceNoAttribution, 'maxRssMb') * 10) / 10,
    onceSmallHeapCpuSeconds: Math.round(once(rows.onceSmallHeap, 'cpuS') * 1000) / 1000,
    onceSmallHeapMaxRssMb: Math.round(once(rows.onceSmallHeap, 'maxRssMb') * 10) / 10,
  };
  return {
    sockets: SOCKETS,
    rounds: ROUNDS,
    maxSockets: MAX_SOCKETS,
    node: process.version,
    machine,
    table,
    usage,
    raw: rows,
  };
}

function markdown(result) {
  const lines = [
    `# Agent benchmark: ${result.sockets} loopback sockets, median of ${result.rounds} rounds (${result.node})`,
    '',
    `Linux ${result.machine.kernel}, ${result.machine.cpus} CPUs; load average ${result.machine.loadBefore.join(' ')} ` +
      `before, ${result.machine.loadAfter.join(' ')} after. Socket list capped at ${result.maxSockets} ` +
      '(the agent default); ss is timed from spawn to its last byte of output.',
    '',
    '| measurement | median ms | ratio to ss -tan | best ms | best ratio | note |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...result.table.map(
      (r) => `| ${r.name} | ${r.ms} | ${r.ratio} | ${r.bestMs} | ${r.bestRatio} | ${r.note} |`,
    ),
    '',
    `once --json: ${result.usage.onceCpuSeconds} CPU s, peak RSS ${result.usage.onceMaxRssMb} MB ` +
      `(without attribution: ${result.usage.onceNoAttributionCpuSeconds} CPU s, ${result.usage.onceNoAttributionMaxRssMb} MB; ` +
      `with --max-semi-space-size=1: ${result.usage.onceSmallHeapCpuSeconds} CPU s, ${result.usage.onceSmallHeapMaxRssMb} MB).`,
    '',
  ];
  return lines.join('\n');
}

/** TIME_WAIT sockets of this namespace, both families ("TCP: ... tw N", net/ipv4/proc.c sockstat_seq_show()). */
function timeWaits() {
  const fields = readFileSync('/proc/net/sockstat', 'utf8').match(/^TCP:.* tw (\d+)/m);
  return fields ? Number(fields[1]) : 0;
}

// An earlier run's holders leave their 20,000 closed connections in TIME_WAIT for a minute
// (TCP_TIMEWAIT_LEN, include/net/tcp.h): wait them out, or both sides would list half as many again.
async function quiet() {
  for (let waited = 0; timeWaits() > 1000 && waited < 70; waited++) {
    if (waited === 0) console.error(`waiting for ${timeWaits()} TIME_WAIT sockets to expire`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

await quiet();
const holders = await startHolders();
try {
  const machine = { kernel: release(), cpus: cpus().length, loadBefore: load() };
  const measured = await measure();
  machine.loadAfter = load();
  const result = report({ ...measured, machine });
  const md = markdown(result);
  console.log(md);
  const out = join(root, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'agent.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(out, 'agent.md'), md);
} finally {
  for (const { child } of holders) child.stdin.end();
}
