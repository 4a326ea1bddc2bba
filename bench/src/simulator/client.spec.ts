import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ApiClient, ApiError, retryAfterMs } from './client';

interface Seen {
  headers: IncomingMessage['headers'];
  body: Buffer;
  at: number;
}

/** A local server that answers each request with the next scripted answer. */
async function serve(
  answers: [number, Record<string, string>, string][],
): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({ headers: req.headers, body: Buffer.concat(chunks), at: Date.now() });
      const [status, headers, body] = answers[Math.min(seen.length - 1, answers.length - 1)];
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

const receipt = JSON.stringify({ id: 'x', created: true, current: true });

describe('ApiClient', () => {
  const servers: Server[] = [];
  afterAll(() => servers.forEach((server) => server.close()));

  it('retries 429 and 503 after Retry-After with the same bytes, then takes the receipt', async () => {
    const { url, seen, server } = await serve([
      [429, { 'Retry-After': '1' }, '{}'],
      [503, { 'Retry-After': '0' }, '{}'],
      [200, {}, receipt],
    ]);
    servers.push(server);
    const client = new ApiClient(url, { connections: 2 });
    const body = gzipSync(JSON.stringify({ id: 'x' }));
    await expect(client.pushSnapshot('tok', body)).resolves.toEqual({
      id: 'x',
      created: true,
      current: true,
    });
    client.close();
    expect(seen).toHaveLength(3);
    expect(seen[1].at - seen[0].at).toBeGreaterThanOrEqual(950);
    for (const request of seen) {
      expect(request.body.equals(body)).toBe(true);
      expect(request.headers).toMatchObject({ authorization: 'Bearer tok', 'content-encoding': 'gzip' });
    }
    expect(JSON.parse(gunzipSync(seen[2].body).toString())).toEqual({ id: 'x' });
  });

  it('gives up at once on a client error, with the API’s message', async () => {
    const error = { error: { code: 'invalid_input', message: 'invalid input: counts.0.port' } };
    const { url, seen, server } = await serve([[400, {}, JSON.stringify(error)]]);
    servers.push(server);
    const client = new ApiClient(url, { connections: 1 });
    const push = client.pushSnapshot('tok', gzipSync('{}'));
    await expect(push).rejects.toThrow(ApiError);
    await expect(push).rejects.toThrow('POST /v1/snapshots: 400 invalid input: counts.0.port');
    client.close();
    expect(seen).toHaveLength(1);
  });

  it('stops retrying after the attempts allowed', async () => {
    const { url, seen, server } = await serve([[503, { 'Retry-After': '0' }, '{}']]);
    servers.push(server);
    const client = new ApiClient(url, { connections: 1, maxAttempts: 3 });
    await expect(client.enroll('secret', { hostname: 'web-01.eu-west' })).rejects.toMatchObject({
      status: 503,
    });
    client.close();
    expect(seen).toHaveLength(3);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, and nothing else', () => {
    const now = Date.parse('2026-11-21T10:00:00Z');
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs('Sat, 21 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Sat, 21 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });
});
