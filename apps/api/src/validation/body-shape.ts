import type { FieldProblem } from '../errors/domain-error';
import { MAX_PROBLEMS } from './wire-rules';

/**
 * Keys that would reach an object's prototype if a value were copied key by key (class-transformer
 * builds DTOs that way). JSON.parse makes them own keys, which Nest's ValidationPipe deletes unseen:
 * the API refuses them instead, naming each, as it refuses any other unknown field.
 */
export const RESERVED_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** Deeper than any body the DTOs describe; class-transformer and Nest walk a body recursively. */
export const MAX_BODY_DEPTH = 32;

/**
 * What class-transformer must never see in a body: reserved keys at any depth, and nesting deep
 * enough to overflow the stack of the recursive walks after this one (a 500 otherwise). Iterative,
 * in document order, up to MAX_PROBLEMS.
 */
export function bodyShapeProblems(body: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const pending: [value: unknown, path: string, depth: number][] = [[body, '', 0]];
  while (pending.length > 0 && problems.length < MAX_PROBLEMS) {
    const [value, path, depth] = pending.pop() as [unknown, string, number];
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_BODY_DEPTH) {
      problems.push({ field: path, reason: `${path} nests deeper than ${MAX_BODY_DEPTH} levels` });
      continue;
    }
    const children: [unknown, string, number][] = [];
    for (const key of Object.keys(value)) {
      const at = path === '' ? key : `${path}.${key}`;
      if (!Array.isArray(value) && RESERVED_KEYS.includes(key)) {
        problems.push({ field: at, reason: `property ${key} should not exist` });
      } else {
        children.push([(value as Record<string, unknown>)[key], at, depth + 1]);
      }
    }
    pending.push(...children.reverse());
  }
  return problems.slice(0, MAX_PROBLEMS);
}
