import { buildSchema, parse, validate } from 'graphql';
import { queryLimitsRule } from './query-limits';

const schema = buildSchema(`
  type Query { items(first: Int = 10): [Item!]! one: Item }
  type Item { name: String child: Item history: Int }
`);
const rule = queryLimitsRule({ maxDepth: 4, maxCost: 100, maxAliases: 3 });
const errors = (query: string) => validate(schema, parse(query), [rule]).map((e) => e.message);

describe('queryLimitsRule', () => {
  it('lets a small query through', () => {
    expect(errors('{ items { name } one { child { name } } }')).toEqual([]);
  });

  it('prices list fields by their page size, default included', () => {
    expect(errors('{ items(first: 9) { name child { name } } }')).toEqual([]);
    expect(errors('{ items(first: 50) { name child { name } } }')[0]).toMatch(/cost over 100/);
    expect(
      errors(
        '{ items { a: name b: name c: name d: name e: name f: name g: name h: name i: name j: name } }',
      )[0],
    ).toMatch(/cost over 100.*aliases/);
  });

  it('refuses deep queries, also through fragments', () => {
    expect(errors('{ one { child { child { child { child { name } } } } } }')[0]).toMatch(/depth over 4/);
    expect(
      errors('{ one { ...F } } fragment F on Item { child { child { child { child { name } } } } }')[0],
    ).toMatch(/depth/);
  });

  it('ends fragment bombs early and ignores introspection', () => {
    const chain = Array.from(
      { length: 30 },
      (_, i) => `fragment f${i} on Query { ...f${i + 1} ...f${i + 1} }`,
    ).join(' ');
    expect(errors(`{ ...f0 } ${chain} fragment f30 on Query { one { name } }`)[0]).toMatch(/cost over/);
    expect(
      errors('{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }'),
    ).toEqual([]);
  });

  it('counts aliases of __typename and other introspection fields', () => {
    const typenames = Array.from({ length: 4 }, (_, i) => `t${i}: __typename`).join(' ');
    expect(errors(`{ ${typenames} }`)[0]).toMatch(/4 aliases \(at most 3\)/);
    expect(errors('{ a: __typename b: __schema { queryType { name } } c: one { name } }')).toEqual([]);
  });

  it('ends a fragment bomb of __typename early, at the cost limit', () => {
    const chain = Array.from(
      { length: 40 },
      (_, i) => `fragment f${i} on Query { ...f${i + 1} ...f${i + 1} }`,
    ).join(' ');
    const started = Date.now();
    expect(errors(`{ ...f0 } ${chain} fragment f40 on Query { __typename }`)[0]).toMatch(/cost over 100/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('prices a page of 0 or less as one item, so it cannot hide a costly selection', () => {
    const chain = Array.from(
      { length: 40 },
      (_, i) => `fragment f${i} on Item { ...f${i + 1} ...f${i + 1} }`,
    ).join(' ');
    expect(errors(`{ items(first: 0) { ...f0 } } ${chain} fragment f40 on Item { name }`)[0]).toMatch(
      /cost over 100/,
    );
    expect(errors('{ items(first: -1000) { a: name b: name c: name d: name } }')[0]).toMatch(/aliases/);
  });
});
