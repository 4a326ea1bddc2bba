import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { excerptBody, parseCEnum } from '../../test/support/source-excerpt';
import { windowsMib } from './windows-mib';

const tcpmib = excerptBody(readFileSync(join(__dirname, 'sources', 'windows-tcpmib.h.txt'), 'utf8'));
const source = parseCEnum(tcpmib, 'MIB_TCP_STATE_CLOSED');
const table = windowsMib.entries.map(({ name, code }) => ({ name, code }));

describe('windows-mib vocabulary against tcpmib.h MIB_TCP_STATE', () => {
  it('reads the twelve MIB states and the extra one from the excerpt', () => {
    expect(source.map((state) => state.code)).toEqual([...Array.from({ length: 12 }, (_, i) => i + 1), 100]);
  });

  it.each(table)('$name = $code is in MIB_TCP_STATE', (entry) => {
    expect(source).toContainEqual(entry);
  });

  it.each(source)('MIB_TCP_STATE member $name = $code has an entry', (state) => {
    expect(table).toContainEqual(state);
  });
});
