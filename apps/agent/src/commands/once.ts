import { EXIT, type Command, type Io } from '../cli/command';
import { UsageError, type ParsedArgs } from '../cli/flags';
import { settingFlags } from '../config/load';
import { humanReport } from '../report/human';
import { writeSnapshotJson } from '../snapshot/json';
import { contextFor } from './context';

export const onceCommand: Command = {
  name: 'once',
  summary: 'Collect one snapshot of this host and print it: a readable summary, or the snapshot as JSON.',
  usage: 'once [--json] [OPTIONS]',
  details:
    'Sends nothing. The summary shows totals per state, top service ports and processes per state, the findings one snapshot shows (title, explanation, next step), and notes from the collector.',
  flags: {
    json: { kind: 'boolean', help: 'print the whole snapshot as JSON, as `run` would send it' },
    ...settingFlags(['hostname', 'labels', 'procRoot', 'maxSockets', 'attribution', 'logFormat', 'logLevel']),
  },
  run: once,
};

async function once(args: ParsedArgs, io: Io): Promise<number> {
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  const { taker } = contextFor(args, io);
  const snapshot = await taker.take();
  if (args.flags.json === true) writeSnapshotJson(snapshot, (chunk) => io.stdout.write(chunk));
  else io.stdout.write(humanReport(snapshot));
  return EXIT.ok;
}
