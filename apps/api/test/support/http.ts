import { gzipSync } from 'node:zlib';
import { ENROLL_SECRET } from './test-api';

export interface Answer<T = any> {
  status: number;
  /** The body parsed as JSON, or its text when it is not JSON. */
  body: T;
  text: string;
  headers: Headers;
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as it is, instead of `body` as JSON. */
  raw?: Buffer | string;
  token?: string;
  /** Send a token of '' as an empty bearer (`Bearer `) instead of no authorization header. */
  emptyBearer?: boolean;
  gzip?: boolean;
  headers?: Record<string, string>;
}

export async function request<T = any>(
  url: string,
  method: string,
  options: RequestOptions = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.token || (options.emptyBearer && options.token === ''))
    headers.authorization = `Bearer ${options.token}`;
  let body: Buffer | string | undefined =
    options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (options.gzip && body !== undefined) {
    body = gzipSync(body);
    headers['content-encoding'] = 'gzip';
  }
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: the text is the body
  }
  return { status: response.status, body: parsed as T, text, headers: response.headers };
}

/** Enrols `hostname` with the enrolment secret (the test API's by default); gives its host token. */
export async function enroll(
  base: string,
  hostname: string,
  machineId?: string,
  secret = ENROLL_SECRET,
): Promise<string> {
  const answer = await request(`${base}/v1/enroll`, 'POST', { token: secret, body: { hostname, machineId } });
  if (answer.status !== 201) throw new Error(`enrol ${hostname}: ${answer.status} ${answer.text}`);
  return answer.body.token;
}

export function push(base: string, token: string, snapshot: unknown, gzip = false): Promise<Answer> {
  return request(`${base}/v1/snapshots`, 'POST', { token, body: snapshot, gzip });
}

export async function graphql(
  base: string,
  key: string | undefined,
  query: string,
  variables?: unknown,
): Promise<Answer> {
  return request(`${base}/graphql`, 'POST', { token: key, body: { query, variables } });
}
