import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { macos } from './macos';
import { excerptBody, parseDefines, parseStringArray } from '../../test/support/source-excerpt';

const fsm = excerptBody(readFileSync(join(__dirname, 'sources', 'xnu-tcp_fsm.h.txt'), 'utf8'));
const numbers = parseDefines(fsm, 'TCPS_');
const [nstates] = parseDefines(fsm, 'TCP_NSTATES');
const names = parseStringArray(fsm, 'tcpstates');
const table = macos.entries.map(({ name, code }) => ({ name, code }));

describe('macos vocabulary against XNU bsd/netinet/tcp_fsm.h', () => {
  it('has one tcpstates[] name for each of the TCP_NSTATES TCPS_* numbers', () => {
    expect(names).toHaveLength(nstates.code);
    expect(names.map((entry) => entry.code)).toEqual(numbers.map((state) => state.code));
  });

  it.each(table)('$name is tcpstates[$code]', (entry) => {
    expect(names).toContainEqual(entry);
  });

  it.each(names)('tcpstates[$code] = $name has an entry', (state) => {
    expect(table).toContainEqual(state);
  });

  it.each(macos.entries)('$name means the state of TCPS_$state', (entry) => {
    expect(numbers).toContainEqual({ name: `TCPS_${entry.state}`, code: entry.code });
  });
});
