import { gzipSync } from 'node:zlib';
import { ENROLL_SECRET } from './api-process';

export interface Answer {
  status: number;
  /** The body parsed as JSON, or its text when it is not JSON. */
  body: any;
  text: string;
  headers: Headers;
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as it is, instead of `body` as JSON. */
  raw?: Buffer | string;
  token?: string;
  gzip?: boolean;
  headers?: Record<string, string>;
}

export async function request(url: string, method: string, options: RequestOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
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
  return { status: response.status, body: parsed, text, headers: response.headers };
}

export async function enroll(base: string, hostname: string, machineId?: string): Promise<string> {
  const answer = await request(`${base}/v1/enroll`, 'POST', {
    token: ENROLL_SECRET,
    body: { hostname, machineId },
  });
  if (answer.status !== 201) throw new Error(`enrol ${hostname}: ${answer.status} ${answer.text}`);
  return answer.body.token;
}

export function graphql(base: string, key: string | undefined, query: string, variables?: unknown) {
  return request(`${base}/graphql`, 'POST', { token: key, body: { query, variables } });
}

/** Polls `check` until it holds or the time is up; gives whether it held. */
export async function waitFor(check: () => boolean | Promise<boolean>, ms: number, every = 200) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, every));
  }
  return check();
}
