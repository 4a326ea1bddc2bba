import { EXIT, type Command, type Io } from '../cli/command';
import { UsageError, type ParsedArgs } from '../cli/flags';
import { settingFlags } from '../config/load';
import { enroll, EnrollError, ensureToken } from '../deliver/enroll';
import { tokenPath } from '../deliver/token';
import { contextFor } from './context';
import { enrollOptions, sleeper } from './delivery';

/** Tries before `enroll` gives up on an unreachable API; `run` waits for it instead. */
const ENROLL_ATTEMPTS = 5;

export const enrollCommand: Command = {
  name: 'enroll',
  summary:
    "Exchange the fleet enrolment secret for this host's token, stored with mode 0600 in the state directory.",
  usage: 'enroll --server URL --enroll-secret SECRET [OPTIONS]',
  details:
    'Does nothing when a token for the server is already stored, unless --force. `run` enrols by itself when needed.',
  flags: {
    force: { kind: 'boolean', help: 'enrol again even if a token is stored' },
    ...settingFlags([
      'server',
      'caFile',
      'enrollSecret',
      'stateDir',
      'hostname',
      'timeout',
      'logFormat',
      'logLevel',
    ]),
  },
  run: enrollHost,
};

async function enrollHost(args: ParsedArgs, io: Io): Promise<number> {
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  const { settings, log, taker } = contextFor(args, io);
  const stop = new AbortController();
  io.onStop(() => stop.abort());
  const options = enrollOptions(
    settings,
    log,
    await taker.enrollRequest(),
    ENROLL_ATTEMPTS,
    sleeper(stop.signal),
  );
  try {
    const token = args.flags.force === true ? await enroll(options) : await ensureToken(options);
    io.stdout.write(
      `enrolled as ${token.hostname} (host ${token.hostId}); token in ${tokenPath(settings.stateDir)}\n`,
    );
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof EnrollError)) throw error;
    io.stderr.write(`tcpfleet-agent enroll: ${error.message}\n`);
    return EXIT.unavailable;
  }
}
