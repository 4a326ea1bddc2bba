import type { SnapshotV1 } from '@tcpfleet/model';
import type { RequestOptions } from '../support/http';

/** What the cases may use: a valid snapshot to spoil, and credentials of every kind. */
export interface CorpusContext {
  /** A valid snapshot of the host `corpus-1`, with a new id each call. */
  valid(): SnapshotV1;
  /** A snapshot of `corpus-1` already stored, for replays. */
  stored: SnapshotV1;
  tokens: { own: string; otherHost: string; revoked: string };
  adminKey: string;
  enrollSecret: string;
}

export interface Sent extends RequestOptions {
  path: string;
  method?: string;
}

/**
 * One bad request: what it sends, the status it must get, and what the answer must name (a field
 * path or the words of the reason), so a person reading it knows what to fix.
 */
export interface Case {
  name: string;
  status: number;
  names: RegExp;
  send(context: CorpusContext): Sent;
}

/** A snapshot of the own host, spoiled by `spoil`, pushed with the own token. */
export function spoiled(spoil: (snapshot: any) => unknown): (context: CorpusContext) => Sent {
  return (context) => {
    const snapshot: any = context.valid();
    const result = spoil(snapshot);
    return {
      path: '/v1/snapshots',
      token: context.tokens.own,
      body: result === undefined ? snapshot : result,
    };
  };
}

/** The exact bytes given, as a snapshot body with the own token. */
export function raw(body: Buffer | string, headers: Record<string, string> = {}) {
  return (context: CorpusContext): Sent => ({
    path: '/v1/snapshots',
    token: context.tokens.own,
    raw: body,
    headers,
  });
}

/**
 * A valid snapshot of the own host as JSON text that `edit` changes, sent as it is: keys only JSON
 * text can carry (an own `__proto__`, which an object literal would make the prototype) stay keys.
 */
export function edited(edit: (json: string) => string) {
  return (context: CorpusContext): Sent => ({
    path: '/v1/snapshots',
    token: context.tokens.own,
    raw: edit(JSON.stringify(context.valid())),
  });
}
