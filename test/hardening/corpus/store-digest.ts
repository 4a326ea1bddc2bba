import { createHash } from 'node:crypto';
import { ADMIN_KEY } from '../support/api-process';
import { graphql } from '../support/http';
import type { PrivatePostgres } from '../support/private-postgres';

/** Every table that holds what agents and admins wrote (migrations 0001 to 0003). */
const TABLES = [
  'hosts',
  'host_tokens',
  'api_keys',
  'snapshots',
  'current_counts',
  'count_history',
  'host_sockets',
];

/** Everything stored, read straight from PostgreSQL: one md5 per table over its rows in a fixed order. */
export async function sqlDigest(pg: PrivatePostgres, database: string): Promise<string> {
  const parts = TABLES.map(
    (
      table,
    ) => `(select '${table}:' || count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '')
      from ${table} t)`,
  );
  const rows = await pg.query(`select ${parts.join(" || ' ' || ")}`, database);
  return rows[0]?.[0] ?? '';
}

const FLEET_VIEW = `{
  hosts(where: { staleness: ANY }, first: 20, orderBy: { field: HOSTNAME }) {
    nodes {
      hostname lastSeenAt socketCount os osVersion machineId labels { key value }
      counts { state direction port process pid count }
      sockets { truncated nodes { localAddress localPort remoteAddress remotePort state } }
    }
  }
  fleet { hosts staleHosts totals { state count hosts } }
}`;

/** What a reader sees of the whole fleet through GraphQL, hashed: the check when SQL is out of reach. */
export async function graphqlDigest(base: string): Promise<string> {
  const answer = await graphql(base, ADMIN_KEY, FLEET_VIEW);
  if (answer.status !== 200 || answer.body.errors)
    throw new Error(`fleet view: ${answer.text.slice(0, 500)}`);
  return createHash('sha256').update(answer.text).digest('hex');
}
