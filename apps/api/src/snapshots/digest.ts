import { createHash } from 'node:crypto';
import type { Field, Schema } from '../validation/wire-rules';

/** JSON with object keys sorted at every level, so equal content gives equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The canonicalJson text of a field's value that passed its schema, at native speed where it can be:
 * objects of a flat schema (sockets, counts, listeners) hold only its keys, so JSON.stringify with
 * the sorted key list writes the same text; the rest (host facts, records) are small.
 */
export function fieldText(field: Field, value: unknown): string {
  const nested = field.nested?.schema;
  return nested?.flat ? JSON.stringify(value, nested.sortedNames) : canonicalJson(value);
}

/** The canonicalJson text of an object that passed the schema; `given` holds texts written before. */
export function canonicalText(
  schema: Schema,
  object: Record<string, unknown>,
  given: Partial<Record<string, string>> = {},
): string {
  const parts: string[] = [];
  for (const field of schema.sortedFields) {
    const value = object[field.name];
    if (value === undefined) continue;
    parts.push(`${JSON.stringify(field.name)}:${given[field.name] ?? fieldText(field, value)}`);
  }
  return `{${parts.join(',')}}`;
}

/** What tells a retry of a snapshot (same digest) from another snapshot reusing its id. */
export function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function snapshotDigest(snapshot: unknown): string {
  return digestOf(canonicalJson(snapshot));
}
