import type { EnrollRequest, EnrollResponse, SnapshotReceipt } from '@tcpfleet/model';
import type { TrustedCa } from '../config/ca';
import { AGENT_VERSION } from '../version';
import { post, type HttpResponse } from './http';
import { retryAfterMs } from './retry-after';
import { requestFailure } from './transport';

/** How one request ended, in the terms delivery acts on. */
export type Answer<T> =
  | { kind: 'ok'; value: T }
  /** Network errors, timeouts, 408, 429 and 5xx: worth another try. */
  | { kind: 'retry'; reason: string; retryAfterMs?: number }
  /** 401 and 403: our credential is wrong or revoked; the request itself may be fine. */
  | { kind: 'denied'; status: number; reason: string }
  /** Any other 4xx: the server will never take this request. */
  | { kind: 'rejected'; status: number; reason: string };

export interface ApiOptions {
  server: string;
  timeoutMs: number;
  /** For an https server: the only CAs trusted; Node's bundled ones when absent. */
  ca?: TrustedCa;
}

/** The two calls an agent makes to the API (DESIGN.md, "Wire format"). */
export class ApiClient {
  constructor(private readonly options: ApiOptions) {}

  /** `POST /v1/enroll` with the fleet enrolment secret as bearer. */
  enroll(secret: string, request: EnrollRequest): Promise<Answer<EnrollResponse>> {
    const body = Buffer.from(JSON.stringify(request));
    return this.call('/v1/enroll', secret, body, {}, isEnrollResponse);
  }

  /** `POST /v1/snapshots` with the host token as bearer; the body is the snapshot, gzipped. */
  sendSnapshot(token: string, gzipped: Buffer): Promise<Answer<SnapshotReceipt>> {
    return this.call('/v1/snapshots', token, gzipped, { 'Content-Encoding': 'gzip' }, isReceipt);
  }

  private async call<T>(
    path: string,
    bearer: string,
    body: Buffer,
    headers: Record<string, string>,
    valid: (value: unknown) => value is T,
  ): Promise<Answer<T>> {
    let response: HttpResponse;
    try {
      response = await post(`${this.options.server}${path}`, {
        headers: {
          Authorization: `Bearer ${bearer}`,
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'User-Agent': `tcpfleet-agent/${AGENT_VERSION}`,
          ...headers,
        },
        body,
        timeoutMs: this.options.timeoutMs,
        ...(this.options.ca ? { ca: this.options.ca.certificates } : {}),
      });
    } catch (error) {
      return { kind: 'retry', reason: requestFailure(error, this.options.ca) };
    }
    return classify(response, valid);
  }
}

export function classify<T>(response: HttpResponse, valid: (value: unknown) => value is T): Answer<T> {
  const { status } = response;
  if (status >= 200 && status < 300) {
    const value = parseJson(response.body);
    return valid(value)
      ? { kind: 'ok', value }
      : { kind: 'retry', reason: `status ${status} with an unexpected body: ${response.body.slice(0, 200)}` };
  }
  const why = `status ${status}: ${serverReason(response.body)}`;
  if (status === 408 || status === 429 || status >= 500) {
    const wait = retryAfterMs(response.headers['retry-after']);
    return wait === undefined
      ? { kind: 'retry', reason: why }
      : { kind: 'retry', reason: why, retryAfterMs: wait };
  }
  if (status === 401 || status === 403) return { kind: 'denied', status, reason: why };
  return { kind: 'rejected', status, reason: why };
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; fields?: { field?: unknown; reason?: unknown }[] };
  message?: unknown;
}

/**
 * The server's reason for an error: the API answers `{"error": {code, message, fields}}`, where
 * fields name each bad field; a bare `{"message"}` (string or list) is read too.
 */
export function serverReason(body: string): string {
  const value = parseJson(body) as ErrorBody | undefined;
  const error = value?.error;
  if (error && typeof error.message === 'string') {
    const fields = Array.isArray(error.fields)
      ? error.fields.map((f) => `${String(f.field)}: ${String(f.reason)}`)
      : [];
    const code = typeof error.code === 'string' ? `${error.code}: ` : '';
    return [`${code}${error.message}`, ...fields].join('; ');
  }
  if (typeof value?.message === 'string') return value.message;
  if (Array.isArray(value?.message)) return value.message.map(String).join('; ');
  return body.trim().slice(0, 500) || 'no reason given';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isEnrollResponse(value: unknown): value is EnrollResponse {
  const v = value as Partial<EnrollResponse> | null;
  return typeof v?.hostId === 'string' && typeof v.token === 'string' && typeof v.hostname === 'string';
}

function isReceipt(value: unknown): value is SnapshotReceipt {
  return typeof (value as Partial<SnapshotReceipt> | null)?.id === 'string';
}

/** node:zlib is loaded at the first snapshot sent, not at start: `once` and `parse` never send. */
export const gzipJson = (value: unknown): Buffer =>
  process.getBuiltinModule('node:zlib').gzipSync(JSON.stringify(value));
