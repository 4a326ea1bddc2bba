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
});
