import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { illumos } from './illumos';
import { excerptBody, parseCaseNames, parseDefines } from '../../test/support/source-excerpt';

const read = (file: string) => excerptBody(readFileSync(join(__dirname, 'sources', file), 'utf8'));
const numbers = parseDefines(read('illumos-tcp.h.txt'), 'TCPS_');
const cases = parseCaseNames(read('illumos-netstat.c.txt'));
const source = cases.map(({ symbol, name }) => ({
  name,
  code: numbers.find((state) => state.name === symbol)?.code,
}));
const table = illumos.entries.map(({ name, code }) => ({ name, code }));

describe('illumos vocabulary against inet/tcp.h and netstat.c mitcp_state()', () => {
  it('names every TCPS_* state of tcp.h exactly once', () => {
    expect(cases.map((entry) => entry.symbol).sort()).toEqual(numbers.map((state) => state.name).sort());
  });

  it.each(table)('$name is printed for the TCPS_* number $code', (entry) => {
    expect(source).toContainEqual(entry);
  });

  it.each(source)('printed name $name ($code) has an entry', (state) => {
    expect(table).toContainEqual(state);
  });
});
