import type { SnapshotV1 } from '@tcpfleet/model';
import { ADMIN_KEY, ApiProcess, ENROLL_SECRET } from '../support/api-process';
import { enroll, graphql, request } from '../support/http';
import { postgresInstalled, PrivatePostgres } from '../support/private-postgres';
import type { Case, CorpusContext } from './case';
import { ENROLL_CASES } from './enroll-cases';
import { GRAPHQL_CASES } from './graphql-cases';
import { SNAPSHOT_CASES } from './snapshot-cases';
import { graphqlDigest, sqlDigest } from './store-digest';
import { TRANSPORT_CASES } from './transport-cases';
import { validSnapshot } from './valid-snapshot';

jest.setTimeout(60_000);

const DB = 'corpus';
// Every case gets its answer within this, or it is a way to tie the server up.
const ANSWER_MS = 5_000;

/**
 * The bad-input corpus against a live API: real PostgreSQL of its own when the binaries are here (the
 * digest then covers every table), else embedded PGlite (the digest is the fleet as GraphQL shows it).
 */
describe('the bad-input corpus', () => {
  let pg: PrivatePostgres | null = null;
  let api: ApiProcess;
  let context: CorpusContext;
  const digest = async (): Promise<string> =>
    pg ? `${await sqlDigest(pg, DB)} ${await graphqlDigest(api.url)}` : graphqlDigest(api.url);

  beforeAll(async () => {
    if (postgresInstalled()) {
      pg = await PrivatePostgres.create();
      await pg.query(`create database ${DB}`);
    }
    api = await ApiProcess.start(pg ? pg.url(DB) : '');
    const own = await enroll(api.url, 'corpus-1', 'corpus-machine-1');
    const otherHost = await enroll(api.url, 'corpus-2');
    const revoked = await enroll(api.url, 'corpus-revoked');
    await request(`${api.url}/v1/admin/hosts/corpus-revoked/revoke-tokens`, 'POST', { token: ADMIN_KEY });
    const stored = validSnapshot('corpus-1', { tier: 'edge' });
    const first = await request(`${api.url}/v1/snapshots`, 'POST', { token: own, body: stored });
    if (first.status !== 200) throw new Error(`the valid snapshot was refused: ${first.text}`);
    context = {
      valid: () => validSnapshot('corpus-1', { tier: 'edge' }),
      stored,
      tokens: { own, otherHost, revoked },
      adminKey: ADMIN_KEY,
      enrollSecret: ENROLL_SECRET,
    };
  });
  afterAll(async () => {
    await api?.destroy();
    await pg?.destroy();
  });

  const run = (group: string, cases: Case[]) =>
    describe(group, () => {
      it.each(cases.map((c) => [c.name, c.status, c] as const))(
        '%s: %i, nothing stored',
        async (_, status, c) => {
          const before = await digest();
          const sent = c.send(context);
          const started = Date.now();
          const answer = await request(`${api.url}${sent.path}`, sent.method ?? 'POST', sent);
          const ms = Date.now() - started;
          expect({ status: answer.status, named: c.names.test(answer.text), quick: ms < ANSWER_MS }).toEqual({
            status,
            named: true,
            quick: true,
          });
          expect(api.exited).toBeNull();
          expect(await digest()).toBe(before);
        },
      );
    });

  run('snapshot fields', SNAPSHOT_CASES);
  run('transport and credentials', TRANSPORT_CASES);
  run('enrolment', ENROLL_CASES);
  run('GraphQL', GRAPHQL_CASES);

  it('keeps SQL, HTML and confusables in label values and process names as text, verbatim', async () => {
    const labels = {
      sql: "x'); drop table hosts; --",
      html: '<img src=x onerror=alert(1)>',
      confusable: 'c\u043erpus',
      emoji: '\u{1F525} hot',
    };
    const snapshot: SnapshotV1 = validSnapshot('corpus-1', labels);
    snapshot.counts[0].process = "nginx'; --";
    const answer = await request(`${api.url}/v1/snapshots`, 'POST', {
      token: context.tokens.own,
      body: snapshot,
    });
    expect(answer.status).toBe(200);
    const host = await graphql(
      api.url,
      ADMIN_KEY,
      '{ host(hostname: "corpus-1") { labels { key value } counts { process } } }',
    );
    const read = Object.fromEntries(host.body.data.host.labels.map((l: any) => [l.key, l.value]));
    expect(read).toEqual(labels);
    expect(host.body.data.host.counts.map((c: any) => c.process)).toContain("nginx'; --");
  });
});
