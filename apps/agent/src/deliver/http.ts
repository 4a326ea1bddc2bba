import type { IncomingHttpHeaders } from 'node:http';

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface PostOptions {
  headers: Record<string, string>;
  body: Buffer;
  timeoutMs: number;
}

// Answers are receipts and error messages; anything bigger is not our API.
const MAX_RESPONSE_BYTES = 1024 * 1024;

/**
 * One POST with a deadline over the whole exchange; network failures reject. node:http and
 * node:https are loaded at the first request, not at start: `once` and `parse` never send, and
 * the two cost over a megabyte.
 */
export async function post(url: string, options: PostOptions): Promise<HttpResponse> {
  const target = new URL(url);
  const { request } = target.protocol === 'https:' ? await import('node:https') : await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request(target, {
      method: 'POST',
      headers: { ...options.headers, 'Content-Length': String(options.body.length) },
    });
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
