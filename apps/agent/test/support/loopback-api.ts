import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
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

/**
 * A real HTTP server on 127.0.0.1 standing in for the API: it decodes what the agent sends and
 * answers what the test asks for (by default 201 with a receipt; once per id, like the API).
 */
export class LoopbackApi {
  readonly requests: Received[] = [];
  /** Snapshot ids stored, in arrival order, each once. */
  readonly stored: SnapshotV1[] = [];
  answer: (request: Received, index: number) => Answer | undefined = () => undefined;
  private server: Server | undefined;
  port = 0;

  async start(port = this.port): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const received = this.decode(req.url ?? '', req.headers, Buffer.concat(chunks));
        const answer = this.answer(received, this.requests.length) ?? this.store(received);
        this.requests.push(received);
        res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
        res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
      });
    });
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
    return `http://127.0.0.1:${this.port}`;
  }

  private decode(path: string, headers: IncomingHttpHeaders, body: Buffer): Received {
    const text = headers['content-encoding'] === 'gzip' ? gunzipSync(body).toString() : body.toString();
    const received: Received = { path, headers, at: Date.now(), body: text };
    if (path === '/v1/snapshots') received.snapshot = JSON.parse(text) as SnapshotV1;
    return received;
  }

  /** The enrolment secret and the host token this stand-in accepts. */
  static readonly SECRET = 'fleet-secret';
  static readonly TOKEN = 'host-token';

  private store(received: Received): Answer {
    const bearer = received.headers.authorization;
    if (received.path === '/v1/enroll') {
      if (bearer !== `Bearer ${LoopbackApi.SECRET}`)
        return { status: 401, body: { error: { code: 'unauthorized', message: 'wrong enrolment secret' } } };
      const { hostname } = JSON.parse(received.body) as { hostname: string };
      return { status: 201, body: { hostId: 'host-1', hostname, token: LoopbackApi.TOKEN } };
    }
    if (bearer !== `Bearer ${LoopbackApi.TOKEN}`)
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
