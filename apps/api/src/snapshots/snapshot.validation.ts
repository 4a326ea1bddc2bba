import type { SnapshotV1 } from '@tcpfleet/model';
import { invalidInput } from '../errors/domain-error';
import { checkObject, isObjectLike, Problems } from '../validation/wire-rules';
import { snapshotSchema } from './snapshot.schema';

/**
 * Checks a snapshot body in one walk, without class instances, and returns it holding the schema's
 * fields only (an unknown one is refused, `__proto__` and the like too). Answers as the
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
