import type { FieldProblem } from '../errors/domain-error';

/** The most problems one answer lists: a snapshot of 5,000 bad sockets would otherwise name 5,000. */
export const MAX_PROBLEMS = 50;

/** One constraint on a field: whether a value passes it, and why not (`port must be ...`). */
export interface Rule {
  test(value: unknown, parent: Record<string, unknown>): boolean;
  reason(value: unknown, parent: Record<string, unknown>): string;
}

export interface Field {
  name: string;
  /** `nil`: null and undefined skip every rule (IsOptional); `null`: null does (ValidateIf). */
  skip?: 'nil' | 'null';
  /** In the order class-validator reports them: the decorators from the bottom up. */
  rules: Rule[];
  nested?: Nested;
  /** A record of free keys (labels, counts by state): copied with its keys sorted. */
  record?: boolean;
}

/** ValidateNested with @Type: the object (or each object of an array) follows another schema. */
export interface Nested {
  schema: Schema;
  each: boolean;
}

export interface Schema {
  fields: Field[];
  names: Set<string>;
  /** The fields by name, for copies whose keys come out sorted. */
  sorted: Field[];
}

export function schemaOf(fields: Field[]): Schema {
  const sorted = [...fields].sort((a, b) => (a.name < b.name ? -1 : 1));
  return { fields, names: new Set(fields.map((field) => field.name)), sorted };
}

/**
 * Keys the REST pipe deletes before validating, at any depth (Nest's ValidationPipe, stripProtoKeys):
 * they are neither refused nor kept.
 */
export const STRIPPED_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

/** Problems in the order found, up to MAX_PROBLEMS; the walk stops once it is full. */
export class Problems {
  readonly list: FieldProblem[] = [];

  add(field: string, reason: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push({ field, reason });
  }

  get full(): boolean {
    return this.list.length >= MAX_PROBLEMS;
  }
}

const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

export const isObjectLike = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * Checks an object against a schema as class-validator does with whitelist and forbidNonWhitelisted:
 * unknown keys first, then each field in declaration order, its rules, then its nested objects.
 */
export function checkObject(
  schema: Schema,
  object: Record<string, unknown>,
  path: string,
  problems: Problems,
): void {
  for (const key in object) {
    if (!schema.names.has(key) && !STRIPPED_KEYS.has(key)) {
      problems.add(join(path, key), `property ${key} should not exist`);
    }
  }
  for (const field of schema.fields) {
    if (problems.full) return;
    const value = object[field.name];
    if (field.skip === 'nil' && (value === null || value === undefined)) continue;
    if (field.skip === 'null' && value === null) continue;
    const at = join(path, field.name);
    let passed = true;
    for (const rule of field.rules) {
      if (!rule.test(value, object)) {
        problems.add(at, rule.reason(value, object));
        passed = false;
      }
    }
    if (field.nested && value !== undefined) checkNested(field, field.nested, value, at, passed, problems);
  }
}

/**
 * An array walks its items; an object follows the schema; anything else is refused. Unlike
 * class-validator, an array where one object belongs (an item of a list, a port range) is refused
 * instead of walked: it would pass with nothing checked and break the writes after it.
 */
function checkNested(
  field: Field,
  nested: Nested,
  value: unknown,
  at: string,
  passed: boolean,
  problems: Problems,
): void {
  const prefix = nested.each ? 'each value in ' : '';
  if (Array.isArray(value)) {
    if (!nested.each) {
      if (passed) problems.add(at, `${field.name} must be an object`);
      value.forEach((item, index) => checkItem(field, nested, item, `${at}.${index}`, problems));
      return;
    }
    for (let index = 0; index < value.length && !problems.full; index += 1) {
      const item: unknown = value[index];
      if (Array.isArray(item))
        problems.add(`${at}.${index}`, `each value in ${field.name} must be an object`);
      else checkItem(field, nested, item, `${at}.${index}`, problems);
    }
  } else if (isObjectLike(value)) checkObject(nested.schema, value, at, problems);
  else problems.add(at, `${prefix}nested property ${field.name} must be either object or array`);
}

function checkItem(field: Field, nested: Nested, item: unknown, at: string, problems: Problems): void {
  const prefix = nested.each ? 'each value in ' : '';
  if (isObjectLike(item) && !Array.isArray(item)) checkObject(nested.schema, item, at, problems);
  else if (!Array.isArray(item))
    problems.add(at, `${prefix}nested property ${field.name} must be either object or array`);
  else problems.add(at, `${field.name} must be an object`);
}

/** A copy of a checked object with the schema's keys only, sorted at every level, nulls kept. */
export function copyObject(schema: Schema, object: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const field of schema.sorted) {
    const value = object[field.name];
    if (value === undefined) continue;
    if (field.nested && value !== null) {
      const nested = field.nested.schema;
      copy[field.name] = Array.isArray(value)
        ? value.map((item: Record<string, unknown>) => copyObject(nested, item))
        : copyObject(nested, value as Record<string, unknown>);
    } else if (field.record && isObjectLike(value)) copy[field.name] = copyRecord(value);
    else copy[field.name] = value;
  }
  return copy;
}

function copyRecord(record: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) if (!STRIPPED_KEYS.has(key)) copy[key] = record[key];
  return copy;
}

/** A record without the keys the REST pipe strips, so rules over its entries see what it would. */
export function withoutStrippedKeys(value: unknown): unknown {
  if (!isObjectLike(value) || Array.isArray(value)) return value;
  if (!Object.keys(value).some((key) => STRIPPED_KEYS.has(key))) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !STRIPPED_KEYS.has(key)));
}
