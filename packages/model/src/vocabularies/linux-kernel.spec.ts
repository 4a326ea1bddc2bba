import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { linuxKernel } from './linux-kernel';
import { excerptBody, parseCEnum } from '../../test/support/source-excerpt';

const header = excerptBody(readFileSync(join(__dirname, 'sources', 'linux-tcp_states.h.txt'), 'utf8'));
const members = parseCEnum(header, 'TCP_ESTABLISHED');
// TCP_MAX_STATES counts the states; it is not one.
const maxStates = members.find((member) => member.name === 'TCP_MAX_STATES');
const source = members.filter((member) => member !== maxStates);
const table = linuxKernel.entries.map(({ name, code }) => ({ name, code }));

describe('linux-kernel vocabulary against include/net/tcp_states.h', () => {
  it('reads every state up to TCP_MAX_STATES from the excerpt', () => {
    expect(maxStates).toBeDefined();
    expect(source.map((state) => state.code)).toEqual(
      Array.from({ length: (maxStates?.code ?? 0) - 1 }, (_, index) => index + 1),
    );
  });

  it.each(table)('$name = $code is in the header', (entry) => {
    expect(source).toContainEqual(entry);
  });

  it.each(source)('header state $name = $code has an entry', (state) => {
    expect(table).toContainEqual(state);
  });
});
