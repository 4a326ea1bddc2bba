import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { linuxSs } from './linux-ss';
import { excerptBody, parseCEnum, parseStringArray } from '../../test/support/source-excerpt';

const ssC = excerptBody(readFileSync(join(__dirname, 'sources', 'iproute2-ss.c.txt'), 'utf8'));
const ssStates = parseCEnum(ssC, 'SS_UNKNOWN');
const printed = parseStringArray(ssC, 'sstate_name', ssStates);
// Words sstate_name[] prints that name no state: the unknown slot and the kernel-only pseudo-states.
const placeholders = printed.filter((entry) => entry.name === 'UNKNOWN' || entry.name === 'UNDEF');
const source = printed.filter((entry) => !placeholders.includes(entry));
const table = linuxSs.entries.map(({ name, code }) => ({ name, code }));
const codeOf = (name: string) => ssStates.find((state) => state.name === name)?.code;

describe('linux-ss vocabulary against iproute2 misc/ss.c', () => {
  it('finds placeholders only at SS_UNKNOWN, SS_NEW_SYN_RECV and SS_BOUND_INACTIVE', () => {
    expect(placeholders.map((entry) => entry.code)).toEqual(
      ['SS_UNKNOWN', 'SS_NEW_SYN_RECV', 'SS_BOUND_INACTIVE'].map(codeOf),
    );
  });

  it('names every SS_* state below SS_MAX exactly once', () => {
    expect(printed.map((entry) => entry.code)).toEqual(
      Array.from({ length: codeOf('SS_MAX') ?? 0 }, (_, index) => index),
    );
  });

  it.each(table)('$name is sstate_name[$code]', (entry) => {
    expect(source).toContainEqual(entry);
  });

  it.each(source)('sstate_name[$code] = $name has an entry', (state) => {
    expect(table).toContainEqual(state);
  });
});
