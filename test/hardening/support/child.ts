import type { ChildProcess } from 'node:child_process';

/** Ends a child process with a signal and waits for it: SIGKILL is the crash, SIGTERM the clean stop. */
export function stopChild(child: ChildProcess | null, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
