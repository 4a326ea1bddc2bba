import { hostname } from 'node:os';
import type { Io } from '../cli/command';
import type { ParsedArgs } from '../cli/flags';
import type { CollectorOptions } from '../collect/collector';
import { osOf, PLATFORMS } from '../collect/platform';
import { commandRunner } from '../collect/runner';
import { loadSettings, SettingError } from '../config/load';
import type { Settings } from '../config/settings';
import * as values from '../config/values';
import { createLogger, type Logger } from '../log/logger';
import { SnapshotTaker } from '../snapshot/take';

export interface Context {
  settings: Settings;
  log: Logger;
  taker: SnapshotTaker;
}

/** Settings, logger and snapshot taker for this host, shared by `once` and `run`. */
export function contextFor(args: ParsedArgs, io: Io): Context {
  const settings = loadSettings(args.flags, io.env);
  const log = createLogger({ format: settings.logFormat, level: settings.logLevel, stream: io.stderr });
  const os = osOf(process.platform);
  if (os === undefined) throw new Error(`no collector for this operating system (${process.platform})`);
  const options: CollectorOptions = {
    procRoot: settings.procRoot,
    run: commandRunner({ timeoutMs: settings.timeout }),
    attribution: settings.attribution,
    log,
  };
  const taker = new SnapshotTaker({
    os,
    platform: PLATFORMS[os],
    options,
    hostname: settings.hostname ?? systemHostname(),
    labels: settings.labels,
    maxSockets: settings.maxSockets,
  });
  return { settings, log, taker };
}

/** The system's host name, held to the same rule as --hostname, since the API holds it to that. */
function systemHostname(): string {
  try {
    return values.hostname(hostname());
  } catch (error) {
    throw new SettingError(
      `the system host name is not usable (${(error as Error).message}); set --hostname`,
    );
  }
}
