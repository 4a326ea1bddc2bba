import { gzipSync } from 'node:zlib';
import { ENROLL_SECRET } from './test-api';

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function request<T = any>(
  url: string,
  method: string,
  options: {
    body?: unknown;
    token?: string;
    gzip?: boolean;
    raw?: Buffer | string;
    headers?: Record<string, string>;
  } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
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
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}

export async function enroll(base: string, hostname: string, machineId?: string): Promise<string> {
  const answer = await request(`${base}/v1/enroll`, 'POST', {
    token: ENROLL_SECRET,
    body: { hostname, machineId },
  });
  if (answer.status !== 201)
    throw new Error(`enrol ${hostname}: ${answer.status} ${JSON.stringify(answer.body)}`);
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
