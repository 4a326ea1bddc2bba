import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { linuxNetstat } from './linux-netstat';
import { excerptBody, parseCEnum, parseStringArray } from '../../test/support/source-excerpt';

const netstatC = excerptBody(readFileSync(join(__dirname, 'sources', 'net-tools-netstat.c.txt'), 'utf8'));
const kernelStates = parseCEnum(netstatC, 'TCP_ESTABLISHED');
const printed = parseStringArray(netstatC, 'tcp_state');
// tcp_state[0] is "", a filler for the kernel's unused 0.
const source = printed.filter((entry) => entry.name !== '');
const table = linuxNetstat.entries.map(({ name, code }) => ({ name, code }));

describe('linux-netstat vocabulary against net-tools netstat.c', () => {
  it('names each of its TCP_* states, with only index 0 left empty', () => {
    expect(printed.filter((entry) => entry.name === '').map((entry) => entry.code)).toEqual([0]);
    expect(source.map((entry) => entry.code)).toEqual(kernelStates.map((state) => state.code));
  });

  it.each(table)('$name is tcp_state[$code]', (entry) => {
    expect(source).toContainEqual(entry);
  });

  it.each(source)('tcp_state[$code] = $name has an entry', (state) => {
    expect(table).toContainEqual(state);
  });
});
