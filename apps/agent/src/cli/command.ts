import type { FlagSpecs, ParsedArgs } from './flags';

/** The outside world of a command, passed in so tests can run commands in-process. */
export interface Io {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** Calls back when the process is asked to stop (SIGTERM, SIGINT); only long-running commands ask. */
  onStop(handler: () => void): void;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** What the command does, beyond the summary, for its --help. */
  details?: string;
  flags: FlagSpecs;
  run(args: ParsedArgs, io: Io): Promise<number>;
}

/**
 * Exit codes from BSD sysexits.h, so scripts and systemd can tell a usage error from a down API.
 */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 64,
  dataError: 65,
  noInput: 66,
  unavailable: 69,
  tempFail: 75,
  noPermission: 77,
  config: 78,
} as const;
