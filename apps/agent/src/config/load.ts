import { readFileSync } from 'node:fs';
import type { FlagSpecs, FlagValue } from '../cli/flags';
import { defaultSettings, SETTING_SPECS, type SettingName, type Settings } from './settings';
import { ValueError } from './values';
import { reason } from '../errors';

/** A setting is wrong; the message names it and where it came from, so an operator can fix it. */
export class SettingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingError';
  }
}

export const CONFIG_FLAGS: FlagSpecs = {
  config: {
    kind: 'string',
    value: 'FILE',
    help: 'JSON config file; keys are the setting names (env TCPFLEET_CONFIG)',
  },
};

/** The flags of the given settings, for a command's flag specs and help. */
export function settingFlags(names: readonly SettingName[]): FlagSpecs {
  const specs: FlagSpecs = Object.fromEntries(
    names.map((name) => {
      const spec = SETTING_SPECS[name];
      const help = `${spec.help} [${spec.env}]`;
      return [spec.flag, { kind: spec.kind, help, ...(spec.value ? { value: spec.value } : {}) }];
    }),
  );
  return { ...specs, ...CONFIG_FLAGS };
}

/**
 * Merges, highest first: flags, environment, the JSON config file, defaults. Every value is checked
 * here, once, at start; the first bad one stops the process with a message that names it.
 */
export function loadSettings(flags: Readonly<Record<string, FlagValue>>, env: NodeJS.ProcessEnv): Settings {
  const settings: Settings = defaultSettings(env);
  const file = configFile(flags, env);
  const record = settings as unknown as Record<SettingName, unknown>;
  for (const name of Object.keys(SETTING_SPECS) as SettingName[]) {
    const spec = SETTING_SPECS[name];
    const flag = flags[spec.flag];
    const fromEnv = env[spec.env];
    if (flag !== undefined) record[name] = read(name, flag, `--${spec.flag}`);
    else if (fromEnv !== undefined && fromEnv !== '') record[name] = read(name, fromEnv, spec.env);
    else if (file && name in file.values)
      record[name] = read(name, file.values[name], `${file.path}: ${name}`);
  }
  return settings;
}

function read(name: SettingName, raw: unknown, source: string): unknown {
  try {
    return SETTING_SPECS[name].read(raw);
  } catch (error) {
    if (error instanceof ValueError) throw new SettingError(`bad setting ${source}: ${error.message}`);
    throw error;
  }
}

interface ConfigFile {
  path: string;
  values: Record<string, unknown>;
}

function configFile(
  flags: Readonly<Record<string, FlagValue>>,
  env: NodeJS.ProcessEnv,
): ConfigFile | undefined {
  const flag = flags.config;
  const path = typeof flag === 'string' ? flag : env.TCPFLEET_CONFIG || undefined;
  if (path === undefined) return undefined;
  let values: unknown;
  try {
    values = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SettingError(
      `bad setting ${flag ? '--config' : 'TCPFLEET_CONFIG'}: cannot read ${path}: ${reason(error)}`,
    );
  }
  if (values === null || typeof values !== 'object' || Array.isArray(values)) {
    throw new SettingError(`bad config file ${path}: must hold one JSON object`);
  }
  const unknown = Object.keys(values).filter((key) => !(key in SETTING_SPECS));
  if (unknown.length > 0) {
    throw new SettingError(
      `bad config file ${path}: unknown setting ${unknown.join(', ')}; known: ${Object.keys(SETTING_SPECS).join(', ')}`,
    );
  }
  return { path, values: values as Record<string, unknown> };
}
