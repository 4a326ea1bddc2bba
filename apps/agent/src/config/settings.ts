import { WIRE_LIMITS } from '@tcpfleet/model';
import type { FlagKind } from '../cli/flags';
import { caFile, type TrustedCa } from './ca';
import * as v from './values';

/**
 * The socket list a snapshot carries unless told otherwise. The list keeps the most telling
 * sockets first (listeners, CLOSE_WAIT, SYN_RECEIVED, ...; the model's capSocketList) and the
 * counts are complete whatever the cap, so a thousand shows what an operator looks for on a busy
 * host; the API stores every snapshot's list, and each listed socket costs the agent memory and the
 * API a row to write. Up to the wire's 5000 on request.
 */
export const DEFAULT_MAX_SOCKETS = 1000;

export type LogFormat = 'auto' | 'json' | 'text';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Every setting of the agent once flags, environment, config file and defaults are merged. */
export interface Settings {
  server?: string;
  /** CA certificates that alone are trusted for the API; Node's bundled ones when absent. */
  caFile?: TrustedCa;
  enrollSecret?: string;
  stateDir: string;
  procRoot: string;
  /** Milliseconds between snapshots. */
  interval: number;
  hostname?: string;
  labels: Record<string, string>;
  maxSockets: number;
  /** Snapshots the on-disk spool keeps at most. */
  spoolMax: number;
  /** Milliseconds one HTTP request may take. */
  timeout: number;
  attribution: boolean;
  logFormat: LogFormat;
  logLevel: LogLevel;
}

export type SettingName = keyof Settings;

/** One setting: its flag, its environment variable, its config-file key (the setting's name). */
export interface SettingSpec {
  flag: string;
  kind: FlagKind;
  env: string;
  value?: string;
  help: string;
  read: (raw: unknown) => unknown;
  /** Shown in help and never logged when true. */
  secret?: boolean;
}

const LOG_FORMATS: readonly LogFormat[] = ['auto', 'json', 'text'];
const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

export const SETTING_SPECS: Readonly<Record<SettingName, SettingSpec>> = {
  server: {
    flag: 'server',
    kind: 'string',
    env: 'TCPFLEET_SERVER',
    value: 'URL',
    help: 'API base URL, e.g. https://tcpfleet.example.com',
    read: v.serverUrl,
  },
  caFile: {
    flag: 'ca-file',
    kind: 'string',
    env: 'TCPFLEET_CA_FILE',
    value: 'FILE',
    help: "PEM file of the CA (or bundle) that alone is trusted for the API's certificate (default Node's bundled CAs)",
    read: caFile,
  },
  enrollSecret: {
    flag: 'enroll-secret',
    kind: 'string',
    env: 'TCPFLEET_ENROLL_SECRET',
    value: 'SECRET',
    help: 'fleet enrolment secret, exchanged once for a host token',
    read: v.text,
    secret: true,
  },
  stateDir: {
    flag: 'state-dir',
    kind: 'string',
    env: 'TCPFLEET_STATE_DIR',
    value: 'DIR',
    help: 'where the host token and the spool live (default $STATE_DIRECTORY or /var/lib/tcpfleet-agent)',
    read: v.text,
  },
  procRoot: {
    flag: 'proc-root',
    kind: 'string',
    env: 'TCPFLEET_PROC_ROOT',
    value: 'DIR',
    help: 'procfs mount point on Linux (default /proc)',
    read: v.text,
  },
  interval: {
    flag: 'interval',
    kind: 'string',
    env: 'TCPFLEET_INTERVAL',
    value: 'DURATION',
    help: 'time between snapshots, 1s..1h (default 30s)',
    read: v.within(1000, 3_600_000, v.duration, v.showDuration),
  },
  hostname: {
    flag: 'hostname',
    kind: 'string',
    env: 'TCPFLEET_HOSTNAME',
    value: 'NAME',
    help: "host name to report (default the system's)",
    read: v.hostname,
  },
  labels: {
    flag: 'label',
    kind: 'list',
    env: 'TCPFLEET_LABELS',
    value: 'K=V',
    help: 'host label, repeatable; env and file take k=v,k=v',
    read: v.labels,
  },
  maxSockets: {
    flag: 'max-sockets',
    kind: 'string',
    env: 'TCPFLEET_MAX_SOCKETS',
    value: 'N',
    help: `cap on the socket list of a snapshot, 0..${WIRE_LIMITS.maxSockets} (default ${DEFAULT_MAX_SOCKETS}); counts stay complete`,
    read: v.within(0, WIRE_LIMITS.maxSockets, v.integer),
  },
  spoolMax: {
    flag: 'spool-max',
    kind: 'string',
    env: 'TCPFLEET_SPOOL_MAX',
    value: 'N',
    help: 'snapshots kept on disk while the API is unreachable, 1..100000 (default 1000)',
    read: v.within(1, 100_000, v.integer),
  },
  timeout: {
    flag: 'timeout',
    kind: 'string',
    env: 'TCPFLEET_TIMEOUT',
    value: 'DURATION',
    help: 'time one request to the API may take, 100ms..5m (default 10s)',
    read: v.within(100, 300_000, v.duration, v.showDuration),
  },
  attribution: {
    flag: 'attribution',
    kind: 'boolean',
    env: 'TCPFLEET_ATTRIBUTION',
    help: 'tie sockets to processes (default on; --no-attribution to skip)',
    read: v.boolean,
  },
  logFormat: {
    flag: 'log-format',
    kind: 'string',
    env: 'TCPFLEET_LOG_FORMAT',
    value: 'FORMAT',
    help: 'auto (text on a terminal, else JSON), json or text',
    read: v.oneOf(LOG_FORMATS),
  },
  logLevel: {
    flag: 'log-level',
    kind: 'string',
    env: 'TCPFLEET_LOG_LEVEL',
    value: 'LEVEL',
    help: 'debug, info, warn or error (default info)',
    read: v.oneOf(LOG_LEVELS),
  },
};

export function defaultSettings(env: NodeJS.ProcessEnv): Settings {
  return {
    // systemd sets STATE_DIRECTORY from the unit's StateDirectory=.
    stateDir: env.STATE_DIRECTORY?.split(':')[0] || '/var/lib/tcpfleet-agent',
    procRoot: '/proc',
    interval: 30_000,
    labels: {},
    maxSockets: DEFAULT_MAX_SOCKETS,
    spoolMax: 1000,
    timeout: 10_000,
    attribution: true,
    logFormat: 'auto',
    logLevel: 'info',
  };
}
