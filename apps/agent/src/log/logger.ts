import type { LogFormat, LogLevel } from '../config/settings';

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export interface LogOptions {
  format: LogFormat;
  level: LogLevel;
  stream?: { write(chunk: string): unknown; isTTY?: boolean };
}

const RANK: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * Structured logs on stderr: one JSON object per line for journald and log shippers, or a readable
 * line when a person watches a terminal (`auto` picks by whether the stream is a TTY).
 */
export function createLogger(options: LogOptions): Logger {
  const stream = options.stream ?? process.stderr;
  const text = options.format === 'text' || (options.format === 'auto' && stream.isTTY === true);
  const emit =
    (level: LogLevel) =>
    (message: string, fields: LogFields = {}) => {
      if (RANK[level] < RANK[options.level]) return;
      const time = new Date().toISOString();
      stream.write(text ? textLine(time, level, message, fields) : jsonLine(time, level, message, fields));
    };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

function jsonLine(time: string, level: LogLevel, message: string, fields: LogFields): string {
  return `${JSON.stringify({ time, level, msg: message, ...fields })}\n`;
}

function textLine(time: string, level: LogLevel, message: string, fields: LogFields): string {
  const pairs = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${showValue(value)}`);
  return `${time.slice(11, 23)} ${level.toUpperCase().padEnd(5)} ${[message, ...pairs].join(' ')}\n`;
}

function showValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /^[^\s"=]+$/.test(text) ? text : JSON.stringify(text);
}

/** A logger that drops everything, for code paths run without one. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
