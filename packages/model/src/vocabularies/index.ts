import { TcpState } from '../states/tcp-state';
import { freebsd } from './freebsd';
import { illumos } from './illumos';
import { linuxKernel } from './linux-kernel';
import { linuxNetstat } from './linux-netstat';
import { linuxSs } from './linux-ss';
import { macos } from './macos';
import { powershell } from './powershell';
import type { Vocabulary, VocabularyId } from './vocabulary';
import { windowsMib } from './windows-mib';
import { windowsNetstat } from './windows-netstat';

export type { Vocabulary, VocabularyEntry, VocabularyId } from './vocabulary';

export const VOCABULARIES: Readonly<Record<VocabularyId, Vocabulary>> = {
  'linux-kernel': linuxKernel,
  'linux-ss': linuxSs,
  'linux-netstat': linuxNetstat,
  macos,
  freebsd,
  'windows-mib': windowsMib,
  'windows-netstat': windowsNetstat,
  powershell,
  illumos,
};

interface Lookup {
  byName: Map<string, TcpState>;
  byCode: Map<number, TcpState>;
}

// Parsers look states up once per socket; index each vocabulary once instead of scanning it.
const lookups = new WeakMap<Vocabulary, Lookup>();

function lookupOf(vocabulary: Vocabulary): Lookup {
  let lookup = lookups.get(vocabulary);
  if (!lookup) {
    lookup = { byName: new Map(), byCode: new Map() };
    for (const entry of vocabulary.entries) {
      lookup.byName.set(entry.name, entry.state);
      if (entry.code !== undefined) lookup.byCode.set(entry.code, entry.state);
    }
    lookups.set(vocabulary, lookup);
  }
  return lookup;
}

/** Looks a printed state name up in one vocabulary, exactly as printed. Unknown names give UNKNOWN. */
export function stateByName(vocabulary: Vocabulary, name: string): TcpState {
  return lookupOf(vocabulary).byName.get(name) ?? TcpState.UNKNOWN;
}

/** Looks a state code up in one vocabulary. Unknown codes give UNKNOWN. */
export function stateByCode(vocabulary: Vocabulary, code: number): TcpState {
  return lookupOf(vocabulary).byCode.get(code) ?? TcpState.UNKNOWN;
}

/** How one vocabulary spells and numbers one canonical state. */
export interface StateSpelling {
  id: VocabularyId;
  /** Every name the vocabulary has for the state, in table order; empty when it has none. */
  names: string[];
  /** Every code the vocabulary has for the state, in table order; empty when it has none. */
  codes: number[];
}

/**
 * The spellings and codes of one canonical state in every vocabulary, in the order of VOCABULARIES,
 * including those that have no spelling for it (empty lists), so a reader sees where a state
 * cannot appear. One vocabulary may have several: Linux numbers SYN_RECEIVED as both 3 and 12.
 */
export function vocabulariesFor(state: TcpState): StateSpelling[] {
  return (Object.keys(VOCABULARIES) as VocabularyId[]).map((id) => {
    const entries = VOCABULARIES[id].entries.filter((entry) => entry.state === state);
    const codes = entries.flatMap((entry) => (entry.code === undefined ? [] : [entry.code]));
    return { id, names: [...new Set(entries.map((entry) => entry.name))], codes: [...new Set(codes)] };
  });
}
