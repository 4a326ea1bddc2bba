import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { knownOperationTypesRule } from './operation-types';

const queriesOnly = buildSchema('type Query { one: Int }');
const errors = (query: string) =>
  validate(queriesOnly, parse(query), [...specifiedRules, knownOperationTypesRule]).map((e) => e.message);

describe('knownOperationTypesRule', () => {
  it('lets queries through', () => {
    expect(errors('{ one }')).toEqual([]);
    expect(errors('query Named { one }')).toEqual([]);
  });

  it('refuses mutations and subscriptions on a schema without them, naming the operation type', () => {
    expect(errors('mutation { dropHosts }')).toEqual([
      'this API has no mutation operations: it answers queries only (send "query { ... }" or "{ ... }")',
    ]);
    expect(errors('subscription { one }')[0]).toMatch(/no subscription operations/);
  });

  it('keeps the operations a schema has', () => {
    const withMutations = buildSchema('type Query { one: Int } type Mutation { two: Int }');
    expect(validate(withMutations, parse('mutation { two }'), [knownOperationTypesRule])).toEqual([]);
  });
});
