import { execFile } from 'node:child_process';

/** Runs a command without a shell and gives its standard output. */
export type CommandRunner = (command: string, args: readonly string[]) => Promise<string>;

export interface RunnerOptions {
  timeoutMs: number;
  /** Large hosts print megabytes of netstat output; more than this is an error, not a hang. */
  maxBytes?: number;
}

export function commandRunner(options: RunnerOptions): CommandRunner {
  return (command, args) =>
    new Promise((resolve, reject) => {
      execFile(
        command,
        args,
        { timeout: options.timeoutMs, maxBuffer: options.maxBytes ?? 256 * 1024 * 1024, windowsHide: true },
        (error, stdout, stderr) => {
          if (error) {
            const detail = String(stderr).trim().split('\n')[0];
            reject(
              new Error(
                `${command} ${args.join(' ')} failed: ${error.message}${detail ? ` (${detail})` : ''}`,
              ),
            );
          } else resolve(String(stdout));
        },
      );
    });
}
