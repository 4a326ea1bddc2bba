import { now } from './clock';

export type Outcome<T> =
  { ok: true; value: T; durationMs: number } | { ok: false; error: unknown; durationMs: number };

/**
 * Runs one collector, timed and isolated: a failure becomes a value, so one broken collector is
 * logged and reported while the others go on (node_exporter's collector contract).
 */
export async function timed<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  const start = now();
  try {
    const value = await run();
    return { ok: true, value, durationMs: now() - start };
  } catch (error) {
    return { ok: false, error, durationMs: now() - start };
  }
}
