import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_EPHEMERAL_RANGES, summarise, totalsByState } from '../summary';
import { FORMAT_NAMES, isFormatName, PARSERS, parseText } from './registry';

const fixtures = join(__dirname, '../../test/fixtures');

function everyInput(): string[] {
  return ['linux', 'macos', 'freebsd', 'windows', 'illumos'].flatMap((os) => {
    const real = readdirSync(join(fixtures, os)).filter(
      (n) => /\.(txt|json)$/.test(n) && !n.endsWith('.source.txt'),
    );
    const broken = readdirSync(join(fixtures, os, 'not-ok')).filter((n) => n !== 'README.md');
    return [
      ...real.map((n) => readFileSync(join(fixtures, os, n), 'latin1')),
      ...broken.map((n) => readFileSync(join(fixtures, os, 'not-ok', n), 'latin1')),
    ];
  });
}

describe('the parser registry', () => {
  it('has a parser for every format name, and knows its names', () => {
    expect(FORMAT_NAMES).toHaveLength(10);
    expect(isFormatName('linux-ss')).toBe(true);
    expect(isFormatName('toString')).toBe(false);
  });

  it('parses pasted text in the detected format', () => {
    const result = parseText(
      'State  Recv-Q Send-Q Local Address:Port Peer Address:Port\nLISTEN 0 128 0.0.0.0:22 0.0.0.0:*\n',
    );
    expect(result?.format).toBe('linux-ss');
    expect(result?.sockets.map((s) => [s.state, s.localPort])).toEqual([['LISTEN', 22]]);
    expect(parseText('nothing to see')).toBeUndefined();
  });

  it('never throws, whatever text any parser is given', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FORMAT_NAMES),
        fc.string({ unit: 'binary', maxLength: 2000 }),
        (format, text) => {
          const result = PARSERS[format](text);
          expect(result.format).toBe(format);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on any fixture, real or broken, in any format', () => {
    for (const text of everyInput()) {
      for (const format of FORMAT_NAMES) expect(() => PARSERS[format](text)).not.toThrow();
    }
  });

  it('keeps every socket from parse through summarise, on every fixture', () => {
    for (const text of everyInput()) {
      const result = parseText(text);
      if (!result) continue;
      const counts = summarise(result.sockets, { ephemeralRange: DEFAULT_EPHEMERAL_RANGES.linux });
      const totals = Object.values(totalsByState(counts)).reduce((sum, n) => sum + n, 0);
      expect(totals).toBe(result.sockets.length);
    }
  });
});
