import { Agent } from '../agent';
import { EXIT, type Command, type Io } from '../cli/command';
import { UsageError, type ParsedArgs } from '../cli/flags';
import { settingFlags } from '../config/load';
import type { Delivery } from '../deliver/shipper';
import { contextFor } from './context';
import { shipperFor, sleeper } from './delivery';

export const runCommand: Command = {
  name: 'run',
  summary: 'Push a snapshot of this host to the API every interval; enrols first if there is no token.',
  usage: 'run [--once] [OPTIONS]',
  details: [
    'Snapshots the API cannot take now wait in a bounded spool in the state directory and are sent',
    'oldest first once it is back. With --once: one snapshot, then the exit code says what became of',
    'it: 0 delivered, 75 kept in the spool, 65 refused by the API, 77 host token refused.',
  ].join('\n'),
  flags: {
    once: { kind: 'boolean', help: 'push one snapshot and exit with its outcome' },
    ...settingFlags([
      'server',
      'caFile',
      'enrollSecret',
      'stateDir',
      'procRoot',
      'interval',
      'hostname',
      'labels',
      'maxSockets',
      'spoolMax',
      'timeout',
      'attribution',
      'logFormat',
      'logLevel',
    ]),
  },
  run,
};

const EXIT_OF: Readonly<Record<Delivery | 'failed', number>> = {
  delivered: EXIT.ok,
  spooled: EXIT.tempFail,
  rejected: EXIT.dataError,
  denied: EXIT.noPermission,
  failed: EXIT.failure,
};

async function run(args: ParsedArgs, io: Io): Promise<number> {
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  const { settings, log, taker } = contextFor(args, io);
  const stop = new AbortController();
  io.onStop(() => {
    log.info('stopping');
    stop.abort();
  });
  const sleep = sleeper(stop.signal);
  const stopped = () => stop.signal.aborted;
  const { shipper, drops } = await shipperFor(settings, log, await taker.enrollRequest(), sleep, stopped);
  const agent = new Agent({ taker, shipper, drops, log, intervalMs: settings.interval, sleep });
  if (args.flags.once === true) return EXIT_OF[await agent.tick()];
  log.info('running', {
    server: settings.server,
    caFile: settings.caFile?.path,
    intervalMs: settings.interval,
    stateDir: settings.stateDir,
  });
  await agent.run(stopped);
  return EXIT.ok;
}
