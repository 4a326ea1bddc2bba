import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { excerptBody, linesBetween, parseNetstatStates } from '../../test/support/source-excerpt';
import { windowsNetstat } from './windows-netstat';

const read = (file: string) => excerptBody(readFileSync(join(__dirname, 'sources', file), 'utf8'));
const captured = new Set(parseNetstatStates(read('windows-netstat-captured.txt')));
// The stored reference revision has a capitalisation slip ("listEN"); netstat words are upper case.
const documented = linesBetween(read('windows-netstat-reference.md.txt'), 'possible states', 'for more').map(
  (word) => word.toUpperCase(),
);
const boundDocumented = read('windows-port-exhaustion.md.txt').includes('**-Q** switch') ? ['BOUND'] : [];
const names = windowsNetstat.entries.map((entry) => entry.name);

// The reference's words that netstat.exe prints differently (LISTENING, SYN_SENT, TIME_WAIT).
const DOCUMENTED_NOT_PRINTED = ['LISTEN', 'SYN_SEND', 'TIMED_WAIT'];
// Entries no excerpt attests yet; each should leave this list once an output with it is captured.
const UNATTESTED = ['SYN_SENT', 'CLOSING', 'DELETE_TCB'];

describe('windows-netstat vocabulary against captured output and Microsoft documentation', () => {
  it.each([...captured])('captured word %s has an entry', (word) => {
    expect(names).toContain(word);
  });

  it.each(documented)('documented word %s has an entry or is a known misspelling', (word) => {
    expect(names.includes(word) !== DOCUMENTED_NOT_PRINTED.includes(word)).toBe(true);
  });

  it.each(DOCUMENTED_NOT_PRINTED)('documented-only %s is never seen in captured output', (word) => {
    expect(documented).toContain(word);
    expect(captured.has(word)).toBe(false);
  });

  it('attests every entry but the listed unattested ones', () => {
    const attested = new Set([...captured, ...documented, ...boundDocumented]);
    expect(names.filter((name) => !attested.has(name))).toEqual(UNATTESTED);
  });
});
