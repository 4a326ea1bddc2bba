import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freebsd } from './freebsd';
import { excerptBody, parseDefines, parseStringArray } from '../../test/support/source-excerpt';

const read = (file: string) => excerptBody(readFileSync(join(__dirname, 'sources', file), 'utf8'));
const fsm = read('freebsd-tcp_fsm.h.txt');
const sockstat = read('freebsd-sockstat.c.txt');
const numbers = parseDefines(fsm, 'TCPS_');
const [nstates] = parseDefines(fsm, 'TCP_NSTATES');
const names = parseStringArray(fsm, 'tcpstates');
const table = freebsd.entries.map(({ name, code }) => ({ name, code }));

describe('freebsd vocabulary against sys/netinet/tcp_fsm.h', () => {
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

  it.each(freebsd.entries)('$name means the state of TCPS_$state', (entry) => {
    expect(numbers).toContainEqual({ name: `TCPS_${entry.state}`, code: entry.code });
  });
});

describe('freebsd vocabulary against usr.bin/sockstat/sockstat.c', () => {
  it('prints TCP states from the same tcpstates[] within TCP_NSTATES', () => {
    expect(sockstat).toMatch(/#define TCPSTATES\b[^\n]*\n#include <netinet\/tcp_fsm\.h>/);
    expect(sockstat).toMatch(/s->state < TCP_NSTATES\)\s*pos \+= xprintf\("%s",\s*tcpstates\[s->state\]\)/);
  });
});
