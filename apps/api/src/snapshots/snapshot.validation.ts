import { createParamDecorator, Injectable, type ExecutionContext, type PipeTransform } from '@nestjs/common';
import type { Request } from 'express';
import type { SnapshotV1 } from '@tcpfleet/model';
import { invalidInput } from '../errors/domain-error';
import { checkObject, isObjectLike, Problems } from '../validation/wire-rules';
import type { ReceivedBody, SnapshotRequest } from './snapshot-body';
import { snapshotSchema } from './snapshot.schema';

/**
 * Checks a snapshot body in one walk, without class instances, and returns it holding the schema's
 * fields only (an unknown one is refused, the keys the REST pipe strips are deleted). Answers as the
 * class-validator DTOs would: the same fields, the same reasons, the first 50 problems. A body that
 * is not an object is checked as an empty one.
 */
export function parseSnapshot(body: unknown): SnapshotV1 {
  const object = isObjectLike(body) ? body : {};
  const problems = new Problems();
  checkObject(snapshotSchema, object, '', problems);
  if (problems.list.length > 0) throw invalidInput(problems.list);
  return object as unknown as SnapshotV1;
}

/** The body pipe of `POST /v1/snapshots`. */
@Injectable()
export class SnapshotPipe implements PipeTransform<unknown, SnapshotV1> {
  transform(body: unknown): SnapshotV1 {
    return parseSnapshot(body);
  }
}

/**
 * The body, taken off the request: the request lives until the answer, after the commit the snapshot
 * waits for, and only the parts the writes need should live that long.
 */
export const TakenBody = createParamDecorator((_: unknown, context: ExecutionContext): unknown => {
  const request = context.switchToHttp().getRequest<Request>();
  const body: unknown = request.body;
  request.body = undefined;
  return body;
});

/**
 * The snapshot's body as it was received (snapshot-body.ts), taken off the request like its parsed
 * form. Every snapshot body is read by that reader; one that was not is a mistake in the API's set-up.
 */
export const TakenReceived = createParamDecorator((_: unknown, context: ExecutionContext): ReceivedBody => {
  const request = context.switchToHttp().getRequest<SnapshotRequest>();
  const received = request.received;
  if (received === undefined)
    throw new Error('the snapshot body was not read by snapshotBody (http.setup.ts)');
  request.received = undefined;
  return received;
});
