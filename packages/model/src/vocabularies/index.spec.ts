import { TCP_STATES, TcpState } from '../states/tcp-state';
import { stateByCode, stateByName, VOCABULARIES, vocabulariesFor } from './index';
import type { Vocabulary, VocabularyId } from './vocabulary';

const ids = Object.keys(VOCABULARIES) as VocabularyId[];

/** code -> state of one vocabulary; throws the test if one code means two states. */
function statesByCode(vocabulary: Vocabulary): Map<number, TcpState> {
  const byCode = new Map<number, TcpState>();
  for (const { code, state } of vocabulary.entries) {
    if (code === undefined) continue;
    expect([undefined, state]).toContain(byCode.get(code));
    byCode.set(code, state);
  }
  return byCode;
}

describe('vocabulary tables', () => {
  it.each(ids)('%s gives each name and each code one meaning, never UNKNOWN', (id) => {
    const { entries } = VOCABULARIES[id];
    expect(new Set(entries.map((entry) => entry.name)).size).toBe(entries.length);
    expect(entries.map((entry) => entry.state)).not.toContain(TcpState.UNKNOWN);
    statesByCode(VOCABULARIES[id]);
  });

  it.each([
    ['linux-kernel', 'linux-ss'],
    ['linux-kernel', 'linux-netstat'],
    ['windows-mib', 'powershell'],
    ['macos', 'freebsd'],
  ] as [VocabularyId, VocabularyId][])(
    '%s and %s, which share a numbering, agree on every shared code',
    (a, b) => {
      const left = statesByCode(VOCABULARIES[a]);
      const shared = [...statesByCode(VOCABULARIES[b])].filter(([code]) => left.has(code));
      expect(shared.length).toBeGreaterThan(0);
      for (const [code, state] of shared) expect([code, left.get(code)]).toEqual([code, state]);
    },
  );
});

describe('stateByName and stateByCode', () => {
  it('look spellings and codes up exactly as the OS prints them', () => {
    expect(stateByName(VOCABULARIES['linux-ss'], 'ESTAB')).toBe(TcpState.ESTABLISHED);
    expect(stateByName(VOCABULARIES['linux-ss'], 'estab')).toBe(TcpState.UNKNOWN);
    expect(stateByCode(VOCABULARIES['linux-kernel'], 0x0a)).toBe(TcpState.LISTEN);
    expect(stateByCode(VOCABULARIES.illumos, -4)).toBe(TcpState.BOUND);
    expect(stateByCode(VOCABULARIES['windows-mib'], 13)).toBe(TcpState.UNKNOWN);
  });
});

describe('vocabulariesFor', () => {
  it.each(TCP_STATES)('lists every vocabulary in registry order for %s', (state) => {
    expect(vocabulariesFor(state).map((spelling) => spelling.id)).toEqual(ids);
  });

  it('gives every spelling and code of SYN_RECEIVED, several where an OS has several', () => {
    const byId = new Map(vocabulariesFor(TcpState.SYN_RECEIVED).map((spelling) => [spelling.id, spelling]));
    expect(byId.get('linux-kernel')).toEqual({
      id: 'linux-kernel',
      names: ['TCP_SYN_RECV', 'TCP_NEW_SYN_RECV'],
      codes: [3, 12],
    });
    expect(byId.get('macos')).toEqual({ id: 'macos', names: ['SYN_RCVD'], codes: [3] });
    expect(byId.get('illumos')).toEqual({ id: 'illumos', names: ['SYN_RCVD'], codes: [-1] });
    expect(byId.get('windows-netstat')).toEqual({
      id: 'windows-netstat',
      names: ['SYN_RECEIVED'],
      codes: [],
    });
  });

  it('leaves a vocabulary empty where the OS has no such state', () => {
    const idle = vocabulariesFor(TcpState.IDLE).filter((spelling) => spelling.names.length > 0);
    expect(idle).toEqual([{ id: 'illumos', names: ['IDLE'], codes: [-5] }]);
    expect(vocabulariesFor(TcpState.UNKNOWN).every((s) => s.names.length === 0 && s.codes.length === 0)).toBe(
      true,
    );
  });

  it.each(ids)('returns each entry of %s under its own state', (id) => {
    for (const entry of VOCABULARIES[id].entries) {
      const spelling = vocabulariesFor(entry.state).find((candidate) => candidate.id === id);
      expect(spelling?.names).toContain(entry.name);
      if (entry.code !== undefined) expect(spelling?.codes).toContain(entry.code);
    }
  });
});
