import { VOCABULARIES } from '../vocabularies';
import { TCP_STATES, TcpState } from './tcp-state';

/**
 * Spellings no single vocabulary prints but people type or read in documentation:
 * - `FIN_WAIT`, the two FIN-WAIT states at once (net-tools and `ss` filters group them this way);
 * - `SYN_SEND` and `TIMED_WAIT`, the spellings of Microsoft's netstat command reference
 *   (https://learn.microsoft.com/en-us/windows-server/administration/windows-commands/netstat),
 *   which netstat.exe itself prints as SYN_SENT and TIME_WAIT.
 */
const EXTRA_ALIASES: Readonly<Record<string, readonly TcpState[]>> = {
  FIN_WAIT: [TcpState.FIN_WAIT_1, TcpState.FIN_WAIT_2],
  SYN_SEND: [TcpState.SYN_SENT],
  TIMED_WAIT: [TcpState.TIME_WAIT],
};

/** Case and the separators `-` and `_` do not matter: `SynReceived`, `SYN-RECEIVED` are one key. */
function keyOf(name: string): string {
  return name.trim().toUpperCase().replace(/[-_]/g, '');
}

interface AliasIndex {
  byKey: Map<string, TcpState[]>;
  accepted: string[];
}

function buildIndex(): AliasIndex {
  const byKey = new Map<string, TcpState[]>();
  const accepted = new Set<string>();
  const add = (name: string, states: readonly TcpState[]) => {
    const key = keyOf(name);
    const known = byKey.get(key) ?? [];
    byKey.set(key, [...known, ...states.filter((state) => !known.includes(state))]);
    accepted.add(name);
  };
  for (const state of TCP_STATES) add(state, [state]);
  for (const vocabulary of Object.values(VOCABULARIES)) {
    for (const entry of vocabulary.entries) add(entry.name, [entry.state]);
  }
  for (const [name, states] of Object.entries(EXTRA_ALIASES)) add(name, states);
  return { byKey, accepted: [...accepted].sort() };
}

let index: AliasIndex | undefined;
const aliasIndex = (): AliasIndex => (index ??= buildIndex());

export class UnknownStateNameError extends Error {
  constructor(
    readonly input: string,
    readonly accepted: readonly string[],
  ) {
    super(
      `unknown TCP state name "${input}"; accepted (any case, "-" and "_" alike): ${accepted.join(', ')}`,
    );
    this.name = 'UnknownStateNameError';
  }
}

/**
 * Resolves a state name in any vocabulary's spelling to the canonical state(s) it means.
 * Throws UnknownStateNameError, which lists every accepted name, when nothing matches.
 */
export function resolveStateName(name: string): TcpState[] {
  const states = aliasIndex().byKey.get(keyOf(name));
  if (!states || keyOf(name) === '') throw new UnknownStateNameError(name, aliasIndex().accepted);
  return [...states];
}

/** Every spelling `resolveStateName` accepts, sorted. */
export function acceptedStateNames(): readonly string[] {
  return aliasIndex().accepted;
}
