import {
  EXCERPT_MARKER,
  excerptBody,
  linesBetween,
  parseAcceptedValues,
  parseCaseNames,
  parseCEnum,
  parseDefines,
  parseDocValueTable,
  parseNetstatStates,
  parseStringArray,
} from './source-excerpt';

describe('excerptBody', () => {
  it('drops the provenance header up to the marker line', () => {
    expect(excerptBody(`# Source: x\n${EXCERPT_MARKER}\n#define A 1\n`)).toBe('#define A 1\n');
  });

  it('refuses a file without the marker', () => {
    expect(() => excerptBody('#define A 1\n')).toThrow(EXCERPT_MARKER);
  });
});

describe('parseCEnum', () => {
  it('numbers members the way C does, through comments and explicit values', () => {
    const body = 'enum {\n\tA = 1,\n\tB, /* b, c */\n\tC = 10,\n\t// note\n\tD\n};';
    expect(parseCEnum(body, 'A')).toEqual([
      { name: 'A', code: 1 },
      { name: 'B', code: 2 },
      { name: 'C', code: 10 },
      { name: 'D', code: 11 },
    ]);
  });

  it('starts at zero and fails loudly on a missing enum', () => {
    expect(parseCEnum('enum { X, Y };', 'X')).toEqual([
      { name: 'X', code: 0 },
      { name: 'Y', code: 1 },
    ]);
    expect(() => parseCEnum('enum { X };', 'Z')).toThrow('Z');
  });
});

describe('parseDefines', () => {
  it('reads negative and positive values of the prefix only', () => {
    const body = '#define\tTCPS_CLOSED\t\t-6\n#define TCP_NSTATES 11\n#define\tTCPS_LISTEN\t-3\t/* x */\n';
    expect(parseDefines(body, 'TCPS_')).toEqual([
      { name: 'TCPS_CLOSED', code: -6 },
      { name: 'TCPS_LISTEN', code: -3 },
    ]);
  });
});

describe('parseStringArray', () => {
  it('places plain and N_() strings one after the other', () => {
    expect(
      parseStringArray('static const char *s[] =\n{\n    "",\n    N_("ONE"),\n    "TWO"\n};', 's'),
    ).toEqual([
      { name: '', code: 0 },
      { name: 'ONE', code: 1 },
      { name: 'TWO', code: 2 },
    ]);
  });

  it('places designated strings at their symbol and continues after them', () => {
    const symbols = [{ name: 'K', code: 5 }];
    expect(
      parseStringArray('n[] = {\n\t"ZERO",\n\t[K] =\t"FIVE", /* x */\n\t"SIX",\n};', 'n', symbols),
    ).toEqual([
      { name: 'ZERO', code: 0 },
      { name: 'FIVE', code: 5 },
      { name: 'SIX', code: 6 },
    ]);
    expect(() => parseStringArray('n[] = { [Q] = "x" };', 'n')).toThrow('Q');
  });
});

describe('documentation and output readers', () => {
  it('reads switch cases, doc value tables, accepted values and word lists', () => {
    expect(parseCaseNames('case TCPS_IDLE:\n\t\tcp = "IDLE";\n\t\tbreak;')).toEqual([
      { symbol: 'TCPS_IDLE', name: 'IDLE' },
    ]);
    expect(parseDocValueTable('| <dl> <dt>**SynSent**</dt> <dt>3</dt> </dl> | x |')).toEqual([
      { name: 'SynSent', code: 3 },
    ]);
    expect(parseAcceptedValues('Aliases:\nAccepted values: Closed, Listen\n')).toEqual(['Closed', 'Listen']);
    expect(linesBetween('head\nstates are:\n  A\n\n  B\nfor more\nC', 'states are', 'for more')).toEqual([
      'A',
      'B',
    ]);
  });

  it('reads the State column of Windows netstat TCP rows only', () => {
    const output = [
      '  Proto  Local Address          Foreign Address        State           PID',
      '  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       1712',
      '- TCP 127.0.0.1:10080 127.0.0.1:50454 TIME_WAIT',
      '  UDP    0.0.0.0:53             *:*                                    4808',
    ].join('\n');
    expect(parseNetstatStates(output)).toEqual(['LISTENING', 'TIME_WAIT']);
  });
});
