import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { powershell } from './powershell';
import {
  excerptBody,
  parseAcceptedValues,
  parseCEnum,
  parseDocValueTable,
} from '../../test/support/source-excerpt';

const read = (file: string) => excerptBody(readFileSync(join(__dirname, 'sources', file), 'utf8'));
const documented = parseDocValueTable(read('powershell-msft-nettcpconnection.md.txt'));
const accepted = parseAcceptedValues(read('powershell-get-nettcpconnection.md.txt'));
const mib = parseCEnum(read('windows-tcpmib.h.txt'), 'MIB_TCP_STATE_CLOSED');
const reserved = mib.find((state) => state.name === 'MIB_TCP_STATE_RESERVED');
const table = powershell.entries.map(({ name, code }) => ({ name, code }));
const undocumented = table.filter((entry) => !documented.some((state) => state.name === entry.name));

describe('powershell vocabulary against MSFT_NetTCPConnection and Get-NetTCPConnection docs', () => {
  it.each(table)('$name is an accepted -State value', (entry) => {
    expect(accepted).toContain(entry.name);
  });

  it.each(accepted)('accepted -State value %s has an entry', (name) => {
    expect(table.map((entry) => entry.name)).toContain(name);
  });

  it.each(documented)('State $name = $code has an entry with that code', (state) => {
    expect(table).toContainEqual(state);
  });

  it('numbers the one state the State table leaves out, Bound, as MIB_TCP_STATE_RESERVED', () => {
    expect(undocumented).toEqual([{ name: 'Bound', code: reserved?.code }]);
  });

  it.each(documented)('State $name = $code is MIB_TCP_STATE number $code too', (state) => {
    expect(mib.map((member) => member.code)).toContain(state.code);
  });
});
