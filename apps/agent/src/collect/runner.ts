/** Runs a command without a shell and gives its standard output. */
export type CommandRunner = (command: string, args: readonly string[]) => Promise<string>;

export interface RunnerOptions {
  timeoutMs: number;
  /** Large hosts print megabytes of netstat output; more than this is an error, not a hang. */
  maxBytes?: number;
}

/**
 * node:child_process is loaded at the first command, not at start: on Linux a snapshot runs one
 * (`ss -ltnH`) only when a listener has connections waiting, and the module costs a megabyte.
 */
export function commandRunner(options: RunnerOptions): CommandRunner {
  return async (command, args) => {
    const { execFile } = await import('node:child_process');
    return new Promise((resolve, reject) => {
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
  };
}
