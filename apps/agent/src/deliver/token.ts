import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EnrollResponse } from '@tcpfleet/model';
import { errorCode } from '../errors';
import { writeFileAtomic } from './atomic';

/** What enrolment gave this host, kept in the state directory. */
export interface HostToken extends EnrollResponse {
  /** The API the token belongs to: a token is worthless elsewhere. */
  server: string;
  enrolledAt: string;
}

export const tokenPath = (stateDir: string): string => join(stateDir, 'token.json');

/** The stored token, or undefined when this host has not enrolled yet. */
export function readToken(stateDir: string): HostToken | undefined {
  let text: string;
  try {
    text = readFileSync(tokenPath(stateDir), 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  const value = JSON.parse(text) as Partial<HostToken>;
  if (typeof value.token !== 'string' || typeof value.server !== 'string') {
    throw new Error(`${tokenPath(stateDir)} holds no token; remove it and enrol again`);
  }
  return value as HostToken;
}

/** Stores the token readable by the agent's user only (mode 0600, directory 0700). */
export function writeToken(stateDir: string, token: HostToken): void {
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  writeFileAtomic(tokenPath(stateDir), `${JSON.stringify(token, null, 2)}\n`, 0o600);
  // The mode given to open(2) is cut by the umask, never widened; chmod makes it exact.
  chmodSync(tokenPath(stateDir), 0o600);
}
