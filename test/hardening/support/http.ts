import * as shared from '../../../apps/api/test/support/http';
import { ENROLL_SECRET } from './api-process';

export type { Answer, RequestOptions } from '../../../apps/api/test/support/http';
export { graphql } from '../../../apps/api/test/support/http';

/** The API tests' `request`, sending a token of '' as an empty bearer: the corpus tries one. */
export function request(url: string, method: string, options: shared.RequestOptions = {}) {
  return shared.request(url, method, { ...options, emptyBearer: true });
}

/** Enrols `hostname` with the hardening API's enrolment secret; gives its host token. */
export function enroll(base: string, hostname: string, machineId?: string): Promise<string> {
  return shared.enroll(base, hostname, machineId, ENROLL_SECRET);
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
