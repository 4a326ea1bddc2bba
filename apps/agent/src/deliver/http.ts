import type { ClientRequest, IncomingHttpHeaders } from 'node:http';

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface PostOptions {
  headers: Record<string, string>;
  body: Buffer;
  timeoutMs: number;
  /** For https: the only CA certificates trusted; Node's bundled ones when absent. */
  ca?: string[];
}

// Answers are receipts and error messages; anything bigger is not our API.
const MAX_RESPONSE_BYTES = 1024 * 1024;

/**
 * One POST with a deadline over the whole exchange; network failures reject. node:http and
 * node:https are loaded at the first request, not at start: `once` and `parse` never send, and
 * the two cost over a megabyte.
 */
export async function post(url: string, options: PostOptions): Promise<HttpResponse> {
  const req = await open(new URL(url), options);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_RESPONSE_BYTES) chunks.push(chunk);
      });
      res.on('error', reject);
      res.on('end', () => {
        clearTimeout(timer);
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
      });
    });
    req.end(options.body);
  });
}

async function open(target: URL, options: PostOptions): Promise<ClientRequest> {
  const requestOptions = {
    method: 'POST',
    headers: { ...options.headers, 'Content-Length': String(options.body.length) },
  };
  if (target.protocol !== 'https:') return (await import('node:http')).request(target, requestOptions);
  // Stated here, not left to the default: NODE_TLS_REJECT_UNAUTHORIZED=0 in the agent's
  // environment turns the default off, and a token must never go to a server nobody vouched for.
  // A `ca` replaces Node's bundled CAs and NODE_EXTRA_CA_CERTS for this request.
  return (await import('node:https')).request(target, {
    ...requestOptions,
    rejectUnauthorized: true,
    ...(options.ca ? { ca: options.ca } : {}),
  });
}
