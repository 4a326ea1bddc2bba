import { Injectable, type PipeTransform } from '@nestjs/common';
import type { SnapshotV1 } from '@tcpfleet/model';
import { invalidInput } from '../errors/domain-error';
import { checkObject, copyObject, isObjectLike, Problems } from '../validation/wire-rules';
import { snapshotSchema } from './snapshot.schema';

/**
 * Checks a snapshot body in one walk, without class instances, and returns a copy holding the
 * schema's fields only, keys sorted. Answers as the class-validator DTOs would (the same fields, the
 * same reasons, the first 50 problems); a body that is not an object is checked as an empty one.
 */
export function parseSnapshot(body: unknown): SnapshotV1 {
  const object = isObjectLike(body) ? body : {};
  const problems = new Problems();
  checkObject(snapshotSchema, object, '', problems);
  if (problems.list.length > 0) throw invalidInput(problems.list);
  return copyObject(snapshotSchema, object) as unknown as SnapshotV1;
}

/** The body pipe of `POST /v1/snapshots`. */
@Injectable()
export class SnapshotPipe implements PipeTransform<unknown, SnapshotV1> {
  transform(body: unknown): SnapshotV1 {
    return parseSnapshot(body);
  }
}
