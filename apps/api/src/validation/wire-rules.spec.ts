import { isIP, matches, maxLength } from 'class-validator';
import fc from 'fast-check';
import * as r from './wire-rule-set';
import { checkObject, Problems, schemaOf, type Field } from './wire-rules';

const ADDRESSES = [
  '10.0.0.1',
  '0.0.0.0',
  '255.255.255.255',
  '256.1.1.1',
  '01.2.3.4',
  '1.2.3',
  '1.2.3.4.5',
  ' 1.2.3.4',
  '1.2.3.4\n',
  '::',
  '::1',
  '::ffff:10.0.0.1',
  'fe80::1%eth0',
  '2001:db8::2',
  '2001:db8:::2',
  '',
  'localhost',
];

describe('the rules’ fast paths agree with class-validator', () => {
  it('takes an address exactly when isIP does', () => {
    const samples = [...ADDRESSES, 1234, null, undefined, ['1.2.3.4']];
    expect(samples.map((value) => r.isIpAddress(value))).toEqual(samples.map((value) => isIP(value)));
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV4Extended(), fc.ipV6(), fc.string()), (value) => {
        expect(r.isIpAddress(value)).toBe(isIP(value));
      }),
    );
  });

  it('counts lengths as MaxLength does, surrogate pairs as one character', () => {
    const rule = r.lengthAtMost('process', 4);
    const samples = ['', 'abcd', 'abcde', '😀😀😀😀', '😀😀😀😀😀', 'ab😀', 12345, null];
    expect(samples.map((value) => rule.test(value, {}))).toEqual(samples.map((value) => maxLength(value, 4)));
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 6 })),
        (value) => {
          expect(rule.test(value, {})).toBe(maxLength(value, 4));
        },
      ),
    );
  });

  it('matches as Matches does, for plain and global expressions', () => {
    for (const regex of [/^[a-z]+$/, /^[^\p{Cc}]*$/u, /a/g]) {
      const rule = r.pattern('name', regex);
      for (const value of ['abc', 'ab1', '', 'x\u0007', 'aaa', 42]) {
        expect(rule.test(value, {})).toBe(typeof value === 'string' && matches(value, regex));
      }
    }
  });
});

describe('a flat schema’s compiled check', () => {
  const count = (name: string, min: number, max: number): Field => ({
    name,
    rules: [r.count(name, min, max)],
  });
  const schema = schemaOf([
    { name: 'family', rules: [r.oneOf('family', ['ipv4', 'ipv6'])] },
    { name: 'address', rules: [r.ip('address')] },
    count('port', 0, 65535),
    { ...count('pid', 0, 4_194_304), skip: 'nil' },
    {
      name: 'process',
      rules: r.text('process', r.lengthAtMost('process', 15), /^[^\p{Cc}]*$/u),
      skip: 'null',
    },
  ]);
  const problemsOf = (item: unknown): number => {
    const problems = new Problems();
    checkObject(schema, item as Record<string, unknown>, '', problems);
    return problems.list.length;
  };
  const value = fc.oneof(
    fc.constantFrom('ipv4', 'ipv6', '10.0.0.1', '::1', 'nginx', '', 'x\u0000'),
    fc.integer({ min: -2, max: 70_000 }),
    fc.double(),
    fc.constantFrom(null, undefined, true, [], {}),
    fc.string(),
  );
  const item = fc.dictionary(
    fc.constantFrom('family', 'address', 'port', 'pid', 'process', 'extra', '__proto__', 'constructor'),
    value,
  );

  it('says yes exactly for the objects checkObject finds nothing wrong with', () => {
    const passes = schema.passes as (item: unknown) => boolean;
    expect(passes({ family: 'ipv4', address: '10.0.0.1', port: 80, process: null })).toBe(true);
    expect(passes({ family: 'ipv4', address: '10.0.0.1', port: 80, process: null, extra: 1 })).toBe(false);
    expect(passes(JSON.parse('{"family":"ipv4","address":"::1","port":1,"process":"a","__proto__":1}'))).toBe(
      false,
    );
    expect([null, [], 'x', 1].map(passes)).toEqual([false, false, false, false]);
    fc.assert(
      fc.property(item, (object) => {
        expect(passes(object)).toBe(problemsOf(object) === 0);
      }),
      { numRuns: 2_000 },
    );
  });

  it('is made only for flat schemas', () => {
    const nested = schemaOf([{ name: 'inner', rules: [], nested: { schema, each: false } }]);
    expect(nested.passes).toBeNull();
  });
});
