import { TcpState } from '@tcpfleet/model';
import { request as httpRequest } from 'node:http';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { enroll, graphql, request } from './support/http';
import { count, snapshot } from './support/snapshots';
import { ADMIN_KEY, ENROLL_SECRET, startTestApi, type TestApi } from './support/test-api';

jest.setTimeout(60_000);

/** How the API reads request bodies: media types, encodings, JSON syntax and reserved keys. */
describe('request bodies over HTTP', () => {
  let t: TestApi;
  let token: string;
  const snapshotOf = () => snapshot({ hostname: 'body-1', counts: [count(TcpState.LISTEN, 22, 'sshd', 1)] });
  const post = (path: string, options: Parameters<typeof request>[2]) =>
    request(`${t.url}${path}`, 'POST', options);
  const stored = async () => {
    const answer = await graphql(t.url, ADMIN_KEY, '{ host(hostname: "body-1") { lastSeenAt } }');
    return answer.body.data.host.lastSeenAt;
  };
  const keys = async () => (await request(`${t.url}/v1/admin/keys`, 'GET', { token: ADMIN_KEY })).body.length;

  beforeAll(async () => {
    t = await startTestApi();
    token = await enroll(t.url, 'body-1');
  });
  afterAll(() => t?.stop());

  it('answers a body that is not application/json 415, naming the type expected, and stores nothing', async () => {
    const before = await keys();
    const json = JSON.stringify(snapshotOf());
    const answers = [
      await post('/v1/snapshots', { token, raw: json, headers: { 'content-type': 'text/plain' } }),
      await post('/v1/snapshots', { token, raw: json, headers: { 'content-type': 'application/xml' } }),
      await post('/v1/enroll', {
        token: ENROLL_SECRET,
        raw: '{"hostname":"body-2"}',
        headers: { 'content-type': 'text/plain' },
      }),
      await post('/v1/admin/keys', {
        token: ADMIN_KEY,
        raw: 'name=x&role=admin',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    ];
    for (const answer of answers) {
      expect({ status: answer.status, code: answer.body.error.code }).toEqual({
        status: 415,
        code: 'unsupported_media_type',
      });
      expect(answer.body.error.message).toMatch(/^Content-Type must be application\/json \(not "/);
    }
    expect(await stored()).toBeNull();
    expect(await keys()).toBe(before);
    const revoke = await post('/v1/admin/hosts/body-none/revoke-tokens', { token: ADMIN_KEY });
    expect(revoke.status).toBe(404);
  });

  it('answers an encoding it does not speak 415 naming Content-Encoding, and takes brotli', async () => {
    const zstd = await post('/v1/snapshots', { token, raw: '{}', headers: { 'content-encoding': 'zstd' } });
    expect(zstd.status).toBe(415);
    expect(zstd.body.error.message).toMatch(/^Content-Encoding "zstd" is not supported/);
    const brotli = await post('/v1/snapshots', {
      token,
      raw: brotliCompressSync(JSON.stringify(snapshotOf())),
      headers: { 'content-encoding': 'br' },
    });
    expect(brotli.body).toEqual({ id: expect.any(String), created: true, current: true });
  });

  it.each(['gzip', 'deflate', 'br'])(
    'answers a body that does not decompress as %s 400 naming Content-Encoding, on every route',
    async (encoding) => {
      const before = await stored();
      for (const [path, credential] of [
        ['/v1/snapshots', token],
        ['/v1/enroll', ENROLL_SECRET],
        ['/graphql', ADMIN_KEY],
      ]) {
        const answer = await post(path, {
          token: credential,
          raw: JSON.stringify(snapshotOf()),
          headers: { 'content-encoding': encoding },
        });
        expect({ path, status: answer.status, code: answer.body.error.code }).toEqual({
          path,
          status: 400,
          code: 'invalid_input',
        });
        expect(answer.body.error.message).toContain(
          `does not decompress as its Content-Encoding (${encoding})`,
        );
      }
      expect(await stored()).toBe(before);
    },
  );

  it('answers malformed JSON invalid_input, naming the problem and its position', async () => {
    const snapshotAnswer = await post('/v1/snapshots', { token, raw: '{"version":1,\n "id": }' });
    expect(snapshotAnswer.status).toBe(400);
    expect(snapshotAnswer.body.error).toEqual({
      code: 'invalid_input',
      message:
        "the body is not valid JSON: unexpected character '}' where a value should start at position 21 (line 2, column 8)",
    });
    const enrolAnswer = await post('/v1/enroll', { token: ENROLL_SECRET, raw: '{"hostname":' });
    expect(enrolAnswer.body.error).toEqual({
      code: 'invalid_input',
      message:
        'the body is not valid JSON: it ends where a value should follow at position 12 (line 1, column 13)',
    });
    const text = await post('/v1/snapshots', { token, raw: 'null' });
    expect(text.body.error).toEqual({
      code: 'invalid_input',
      message: 'the body must be a JSON object, not null (at position 0)',
    });
  });

  it('refuses a __proto__ key by name, at the top and nested, and stores nothing', async () => {
    const before = await stored();
    const json = JSON.stringify(snapshotOf());
    for (const [raw, field] of [
      [json.replace('{', '{"__proto__":{"admin":true},'), '__proto__'],
      [json.replace('"hostname"', '"__proto__":{},"hostname"'), 'host.__proto__'],
      [json.replace('"state"', '"__proto__":[],"state"'), 'counts.0.__proto__'],
    ]) {
      const answer = await post('/v1/snapshots', { token, raw });
      expect({ status: answer.status, fields: answer.body.error.fields }).toEqual({
        status: 400,
        fields: [{ field, reason: 'property __proto__ should not exist' }],
      });
    }
    expect(await stored()).toBe(before);
    const enrolAnswer = await post('/v1/enroll', {
      token: ENROLL_SECRET,
      raw: '{"hostname":"body-3","__proto__":{"admin":true}}',
    });
    expect({ status: enrolAnswer.status, fields: enrolAnswer.body.error.fields }).toEqual({
      status: 400,
      fields: [{ field: '__proto__', reason: 'property __proto__ should not exist' }],
    });
  });

  it('names each bad field once, and answers a deeply nested body 400 rather than 500', async () => {
    const number = await post('/v1/enroll', { token: ENROLL_SECRET, body: { hostname: 7 } });
    expect(number.body.error).toEqual({
      code: 'invalid_input',
      message: 'invalid input: hostname: hostname must be a string',
      fields: [{ field: 'hostname', reason: 'hostname must be a string' }],
    });
    const spoiled: any = snapshotOf();
    spoiled.collectedAt = 'yesterday';
    const once = await post('/v1/snapshots', { token, body: spoiled });
    expect(once.body.error.fields).toEqual([
      { field: 'collectedAt', reason: 'collectedAt must be a valid ISO 8601 date string' },
    ]);
    const deep = await post('/v1/enroll', {
      token: ENROLL_SECRET,
      raw: `{"hostname":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    });
    expect({ status: deep.status, code: deep.body.error.code }).toEqual({
      status: 400,
      code: 'invalid_input',
    });
    expect(deep.body.error.message).toMatch(/nests deeper than 32 levels/);
  });

  it('holds GraphQL requests to 64 KiB as read, whether declared, chunked or compressed', async () => {
    const query = `{ host(hostname: "body-1") { lastSeenAt } } #${'x'.repeat(200_000)}`;
    const body = Buffer.from(JSON.stringify({ query }));
    const send = (headers: Record<string, string>, payload: Buffer) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const url = new URL(`${t.url}/graphql`);
        const sent = httpRequest(
          { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers },
          (answer) => {
            let text = '';
            answer.on('data', (chunk: Buffer) => (text += chunk.toString()));
            answer.on('end', () => resolve({ status: answer.statusCode ?? 0, text }));
          },
        );
        sent.on('error', reject);
        // Without a Content-Length, node sends the body chunked.
        for (let at = 0; at < payload.length; at += 16_384) sent.write(payload.subarray(at, at + 16_384));
        sent.end();
      });
    const auth = { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' };
    const answers = [
      await send({ ...auth, 'content-length': String(body.length) }, body),
      await send(auth, body),
      await send({ ...auth, 'content-encoding': 'gzip' }, gzipSync(body)),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.text).error).toMatchObject({
        code: 'payload_too_large',
        message: 'GraphQL requests are limited to 65536 bytes',
      });
    }
    const small = await graphql(t.url, ADMIN_KEY, '{ host(hostname: "body-1") { lastSeenAt } }');
    expect(small.status).toBe(200);
  });
});
