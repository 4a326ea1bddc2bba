import type { EnrollRequest, EnrollResponse, SnapshotReceipt } from '@tcpfleet/model';
import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface Exchange {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** From sending the request to the last byte of the answer. */
  ms: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface ClientOptions {
  /** Connections kept open to the server: one per concurrent agent. */
  connections: number;
  timeoutMs?: number;
  /** Tries per request when the server answers 429 or 503 or the network fails. */
  maxAttempts?: number;
  /** Called after every HTTP exchange, retries included. */
  onExchange?: (path: string, exchange: Exchange) => void;
}

/** The agents' side of the REST API: enrolment and snapshot pushes, retried as an agent retries. */
export class ApiClient {
  private readonly agent: Agent;
  private readonly base: URL;

  constructor(
    server: string,
    private readonly options: ClientOptions,
  ) {
    this.base = new URL(server);
    const Pool = this.base.protocol === 'https:' ? HttpsAgent : Agent;
    this.agent = new Pool({ keepAlive: true, maxSockets: options.connections });
  }

  async enroll(secret: string, body: EnrollRequest): Promise<EnrollResponse> {
    const payload = Buffer.from(JSON.stringify(body));
    const answer = await this.post('/v1/enroll', secret, payload, {});
    return JSON.parse(answer.body) as EnrollResponse;
  }

  /** Pushes one snapshot, already serialised and gzipped; a retry sends the same bytes (same id). */
  async pushSnapshot(token: string, gzipped: Buffer): Promise<SnapshotReceipt> {
    const answer = await this.post('/v1/snapshots', token, gzipped, { 'Content-Encoding': 'gzip' });
    return JSON.parse(answer.body) as SnapshotReceipt;
  }

  close(): void {
    this.agent.destroy();
  }

  /** A JSON POST with a bearer credential, retried like the others (the bench's GraphQL queries). */
  postJson(path: string, bearer: string, body: Buffer): Promise<Exchange> {
    return this.post(path, bearer, body, {});
  }

  private async post(
    path: string,
    bearer: string,
    body: Buffer,
    headers: Record<string, string>,
  ): Promise<Exchange> {
    const maxAttempts = this.options.maxAttempts ?? 8;
    for (let attempt = 1; ; attempt++) {
      let exchange: Exchange;
      try {
        exchange = await this.send(path, bearer, body, headers);
      } catch (error) {
        if (attempt >= maxAttempts) throw error;
        await sleep(backoffMs(attempt));
        continue;
      }
      this.options.onExchange?.(path, exchange);
      if (exchange.status >= 200 && exchange.status < 300) return exchange;
      const retryable = exchange.status === 429 || exchange.status === 503;
      if (!retryable || attempt >= maxAttempts) throw new ApiError(exchange.status, describe(path, exchange));
      await sleep(retryAfterMs(exchange.headers['retry-after']) ?? backoffMs(attempt));
    }
  }

  private send(
    path: string,
    bearer: string,
    body: Buffer,
    headers: Record<string, string>,
  ): Promise<Exchange> {
    const target = new URL(path, this.base);
    const send = target.protocol === 'https:' ? httpsRequest : request;
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = send(target, {
        method: 'POST',
        agent: this.agent,
        timeout: this.options.timeoutMs ?? 30_000,
        headers: {
          ...headers,
          Authorization: `Bearer ${bearer}`,
          'Content-Type': 'application/json',
          'Content-Length': String(body.length),
        },
      });
      req.on('timeout', () => req.destroy(new Error(`no answer from ${target.href} in time`)));
      req.on('error', reject);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          }),
        );
      });
      req.end(body);
    });
  }
}

/** Retry-After (RFC 9110, section 10.2.3): delay-seconds or an HTTP date; undefined when absent or bad. */
export function retryAfterMs(header: string | string[] | undefined, now = Date.now()): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Exponential from 250 ms up to 10 s, with jitter so that agents failing together do not retry together. */
function backoffMs(attempt: number): number {
  const ceiling = Math.min(10_000, 250 * 2 ** (attempt - 1));
  return ceiling / 2 + (Math.random() * ceiling) / 2;
}

function describe(path: string, exchange: Exchange): string {
  let message = exchange.body.slice(0, 500);
  try {
    const parsed = JSON.parse(exchange.body) as { error?: { message?: unknown } };
    if (typeof parsed.error?.message === 'string') message = parsed.error.message;
  } catch {
    // not JSON: keep the text
  }
  return `POST ${path}: ${exchange.status} ${message}`;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
