import { once } from 'node:events';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import type { SnapshotV1 } from '@tcpfleet/model';

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  at: number;
  body: string;
  snapshot?: SnapshotV1;
}

/** The key and certificate an https stand-in serves with. */
export interface TlsIdentity {
  key: string;
  cert: string;
}

/**
 * A real HTTP (or, given a key and certificate, HTTPS) server on 127.0.0.1 standing in for the
 * API: it decodes what the agent sends and answers what the test asks for (by default 201 with a
 * receipt; once per id, like the API). Like the API it refuses (401) a revoked host token and
 * gives a new one at enrolment.
 */
export class LoopbackApi {
  /** The enrolment secret this stand-in accepts, and the host token it knows from the start. */
  static readonly SECRET = 'fleet-secret';
  static readonly TOKEN = 'host-token';

  readonly requests: Received[] = [];
  /** Snapshot ids stored, in arrival order, each once. */
  readonly stored: SnapshotV1[] = [];
  /** Host tokens that are accepted: the well-known one and any issued at enrolment. */
  readonly tokens = new Set<string>([LoopbackApi.TOKEN]);
  private readonly revoked = new Set<string>();
  answer: (request: Received, index: number) => Answer | undefined = () => undefined;
  private server: Server | HttpsServer | undefined;
  port = 0;

  constructor(private readonly tls?: TlsIdentity) {}

  async start(port = this.port): Promise<void> {
    const handle = (req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const received = this.decode(req.url ?? '', req.headers, Buffer.concat(chunks));
        const answer = this.answer(received, this.requests.length) ?? this.store(received);
        this.requests.push(received);
        res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
        res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
      });
    };
    this.server = this.tls ? createHttpsServer(this.tls, handle) : createServer(handle);
    this.server.listen(port, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    this.server.close();
    await once(this.server, 'close');
    this.server = undefined;
  }

  get url(): string {
    return `${this.tls ? 'https' : 'http'}://127.0.0.1:${this.port}`;
  }

  /** Refuses the token from now on, as `tcpfleet-api host-token revoke` does. */
  revoke(token: string): void {
    this.tokens.delete(token);
    this.revoked.add(token);
  }

  /** Snapshots sent to /v1/snapshots with each bearer, in order: which token was tried when. */
  get bearers(): string[] {
    return this.requests
      .filter((r) => r.path === '/v1/snapshots')
      .map((r) => String(r.headers.authorization).replace(/^Bearer /, ''));
  }

  /** The well-known token unless revoked, else a new one: never one that was revoked. */
  private issue(): string {
    let token = LoopbackApi.TOKEN;
    for (let n = 2; this.revoked.has(token); n++) token = `${LoopbackApi.TOKEN}-${n}`;
    this.tokens.add(token);
    return token;
  }

  private decode(path: string, headers: IncomingHttpHeaders, body: Buffer): Received {
    const text = headers['content-encoding'] === 'gzip' ? gunzipSync(body).toString() : body.toString();
    const received: Received = { path, headers, at: Date.now(), body: text };
    if (path === '/v1/snapshots') received.snapshot = JSON.parse(text) as SnapshotV1;
    return received;
  }

  private store(received: Received): Answer {
    const bearer = received.headers.authorization;
    if (received.path === '/v1/enroll') {
      if (bearer !== `Bearer ${LoopbackApi.SECRET}`)
        return { status: 401, body: { error: { code: 'unauthorized', message: 'wrong enrolment secret' } } };
      const { hostname } = JSON.parse(received.body) as { hostname: string };
      return { status: 201, body: { hostId: 'host-1', hostname, token: this.issue() } };
    }
    if (!this.tokens.has(String(bearer).replace(/^Bearer /, '')))
      return { status: 401, body: { error: { code: 'unauthorized', message: 'unknown host token' } } };
    const snapshot = received.snapshot;
    if (!snapshot) return { status: 404, body: { message: `no route ${received.path}` } };
    const created = !this.stored.some((s) => s.id === snapshot.id);
    if (created) this.stored.push(snapshot);
    return { status: created ? 201 : 200, body: { id: snapshot.id, created, current: true } };
  }
}

/** A port nothing listens on, so connections are refused: an API that is down. */
export async function closedPort(): Promise<number> {
  const api = new LoopbackApi();
  await api.start(0);
  const port = api.port;
  await api.stop();
  return port;
}
