import type { Case, CorpusContext, Sent } from './case';

const ask =
  (
    query: string,
    variables?: unknown,
    key: (context: CorpusContext) => string | undefined = (c) => c.adminKey,
  ) =>
  (context: CorpusContext): Sent => ({ path: '/graphql', token: key(context), body: { query, variables } });

/** `depth` levels of the introspection schema's type graph, which has no end of its own. */
function deepIntrospection(depth: number): string {
  let selection = 'name';
  for (let level = 0; level < depth; level++) selection = `fields { type { ${selection} } }`;
  return `{ __schema { types { ${selection} } } }`;
}

/** Fragments each spreading the one before twice: 2^levels copies of one field once expanded. */
function fragmentBomb(levels: number, field = 'fleet { hosts }'): string {
  const fragments = [`fragment F0 on Query { ${field} }`];
  for (let i = 1; i <= levels; i++) fragments.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
  return `{ ...F${levels} }\n${fragments.join('\n')}`;
}

const aliases = (n: number, field: string) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

/** GraphQL: who may ask, and how much one request may make the server do. */
export const GRAPHQL_CASES: Case[] = [
  {
    name: 'a query without a key',
    status: 401,
    names: /UNAUTHENTICATED/,
    send: ask('{ fleet { hosts } }', undefined, () => undefined),
  },
  {
    name: 'a query with a key nobody issued',
    status: 401,
    names: /UNAUTHENTICATED/,
    send: ask('{ fleet { hosts } }', undefined, () => 'tfk_not-a-key-at-all-0000000000'),
  },
  {
    name: 'a query with a host token as key',
    status: 401,
    names: /UNAUTHENTICATED/,
    send: ask('{ fleet { hosts } }', undefined, (c) => c.tokens.own),
  },
  { name: 'a query that does not parse', status: 400, names: /Syntax Error/, send: ask('{ fleet { hosts ') },
  { name: 'a field nobody knows', status: 400, names: /passwords/, send: ask('{ passwords }') },
  {
    name: 'a mutation',
    status: 400,
    names: /no mutation operations.*GRAPHQL_VALIDATION_FAILED/,
    send: ask('mutation { dropHosts }'),
  },
  {
    name: 'a subscription',
    status: 400,
    names: /no subscription operations/,
    send: ask('subscription { fleet { hosts } }'),
  },
  {
    name: 'a page size of 100,000',
    status: 400,
    names: /QUERY_TOO_COMPLEX|cost/,
    send: ask('{ hosts(first: 100000) { nodes { hostname } } }'),
  },
  {
    name: 'a query too costly',
    status: 400,
    names: /QUERY_TOO_COMPLEX|cost/,
    send: ask('{ hosts(first: 500) { nodes { counts { count } sockets { nodes { localPort } } } } }'),
  },
  {
    name: 'a query too costly through a variable page size',
    status: 400,
    names: /QUERY_TOO_COMPLEX|cost/,
    send: ask(
      'query($n: Int!) { hosts(first: $n) { nodes { counts { count } sockets { nodes { localPort } } } } }',
      {
        n: 1,
      },
    ),
  },
  { name: 'an alias bomb', status: 400, names: /aliases/, send: ask(aliases(500, 'fleet { hosts }')) },
  {
    name: 'an alias bomb of typenames',
    status: 400,
    names: /aliases/,
    send: ask(aliases(2000, '__typename')),
  },
  { name: 'a fragment bomb', status: 400, names: /QUERY_TOO_COMPLEX|cost/, send: ask(fragmentBomb(40)) },
  {
    name: 'a fragment bomb of typenames',
    status: 400,
    names: /QUERY_TOO_COMPLEX|cost/,
    send: ask(fragmentBomb(40, '__typename')),
  },
  {
    name: 'a fragment cycle',
    status: 400,
    names: /cycle|itself/i,
    send: ask('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }'),
  },
  {
    name: 'an introspection query too deep',
    status: 400,
    names: /introspection depth/,
    send: ask(deepIntrospection(12)),
  },
  {
    name: 'the same directive a thousand times',
    status: 400,
    names: /directive/i,
    send: ask(`{ fleet ${'@include(if: true) '.repeat(1000)} { hosts } }`),
  },
  {
    name: 'a batch of queries',
    status: 400,
    names: /batch/i,
    send: (context) => ({
      path: '/graphql',
      token: context.adminKey,
      body: [{ query: '{ fleet { hosts } }' }, { query: '{ fleet { hosts } }' }],
    }),
  },
  {
    name: 'a query over 64 KB',
    status: 413,
    names: /limited|too large/,
    send: ask(`{ fleet { hosts } } # ${'x'.repeat(70 * 1024)}`),
  },
  {
    name: 'a variable of the wrong type',
    status: 400,
    names: /\$n/,
    send: ask('query($n: Int!) { hosts(first: $n) { nodes { hostname } } }', { n: 'all' }),
  },
  // Arguments are checked by the resolvers: GraphQL errors in a 200 answer, as GraphQL over HTTP has it.
  {
    name: 'a page larger than allowed',
    status: 200,
    names: /BAD_USER_INPUT.*"field":"first"/,
    send: ask('{ hosts(first: 501) { nodes { hostname } } }'),
  },
  {
    name: 'a hostname pattern of 10 KB',
    status: 200,
    names: /BAD_USER_INPUT.*"field":"where.hostname"/,
    send: ask('query($h: String!) { hosts(where: { hostname: $h }) { nodes { hostname } } }', {
      h: '*'.repeat(10240),
    }),
  },
  {
    name: 'two operations and no name to pick one',
    status: 400,
    names: /operation/i,
    send: ask('query A { fleet { hosts } } query B { fleet { staleHosts } }'),
  },
];
