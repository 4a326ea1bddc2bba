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
  /** A record of free keys (labels, counts by state). */
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
  /**
   * For a flat schema (no nested object or record inside), whether an object passes every rule
   * (compilePasses); null for the others.
   */
  passes: ((item: unknown) => boolean) | null;
}

export function schemaOf(fields: Field[]): Schema {
  const flat = fields.every((field) => !field.nested && !field.record);
  return {
    fields,
    names: new Set(fields.map((field) => field.name)),
    passes: flat ? compilePasses(fields) : null,
  };
}

/**
 * Whether an object of a flat schema passes: no unknown key, and every rule of every field that is
 * not skipped holds. The same tests as checkObject, in one function written for the schema, where
 * each field is read by its own name and each rule called from a place of its own: V8 then reads and
 * calls them straight, where checkObject's generic loop cannot (a snapshot's sockets are 5,000 such
 * objects at most, 60,000 field checks). An object that fails goes through checkObject, which names
 * its problems; so this only ever says yes for an object checkObject finds nothing wrong with.
 */
function compilePasses(fields: Field[]): (item: unknown) => boolean {
  const names = new Set(fields.map((field) => field.name));
  const tests = fields.map((field) => field.rules.map((rule) => rule.test));
  const lines = [
    `if (typeof o !== 'object' || o === null || Array.isArray(o)) return false;`,
    `for (const key in o) if (!names.has(key)) return false;`,
  ];
  fields.forEach((field, f) => {
    const skip =
      field.skip === 'nil' ? 'v !== null && v !== undefined' : field.skip === 'null' ? 'v !== null' : 'true';
    const checks = field.rules.map((_, r) => `if (!tests[${f}][${r}](v, o)) return false;`);
    lines.push(`{ const v = o[${JSON.stringify(field.name)}]; if (${skip}) { ${checks.join(' ')} } }`);
  });
  lines.push('return true;');
  // Written from the schema's own field names (JSON-quoted) and indexes: no input reaches this text.
  const make = new Function('names', 'tests', `return function passes(o) {\n${lines.join('\n')}\n};`);
  return make(names, tests) as (item: unknown) => boolean;
}

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
 * unknown keys first, then each field in declaration order, its rules, then its nested objects. One
 * problem per field, as fieldProblems (validation.pipe.ts) picks it: the last failing rule, the most
 * basic one. `__proto__`, `constructor` and `prototype` are unknown keys like any other (JSON.parse
 * makes them own keys), refused by name where Nest's pipe would have deleted them unseen.
 */
export function checkObject(
  schema: Schema,
  object: Record<string, unknown>,
  path: string,
  problems: Problems,
): void {
  for (const key in object) {
    if (!schema.names.has(key)) problems.add(join(path, key), `property ${key} should not exist`);
  }
  for (const field of schema.fields) {
    if (problems.full) return;
    const value = object[field.name];
    if (field.skip === 'nil' && (value === null || value === undefined)) continue;
    if (field.skip === 'null' && value === null) continue;
    // Paths are written only for a problem or a nested walk: most fields of most bodies pass.
    let passed = true;
    for (let index = field.rules.length - 1; index >= 0 && passed; index -= 1) {
      const rule = field.rules[index];
      if (!rule.test(value, object)) {
        problems.add(join(path, field.name), rule.reason(value, object));
        passed = false;
      }
    }
    if (field.nested && value !== undefined) {
      checkNested(field, field.nested, value, join(path, field.name), passed, problems);
    }
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
    const passes = nested.schema.passes;
    for (let index = 0; index < value.length && !problems.full; index += 1) {
      const item: unknown = value[index];
      if (passes !== null && passes(item)) continue;
      if (Array.isArray(item))
        problems.add(`${at}.${index}`, `each value in ${field.name} must be an object`);
      else checkItem(field, nested, item, `${at}.${index}`, problems);
    }
  } else if (isObjectLike(value)) checkObject(nested.schema, value, at, problems);
  else if (passed) problems.add(at, `${prefix}nested property ${field.name} must be either object or array`);
}

function checkItem(field: Field, nested: Nested, item: unknown, at: string, problems: Problems): void {
  const prefix = nested.each ? 'each value in ' : '';
  if (isObjectLike(item) && !Array.isArray(item)) checkObject(nested.schema, item, at, problems);
  else if (!Array.isArray(item))
    problems.add(at, `${prefix}nested property ${field.name} must be either object or array`);
  else problems.add(at, `${field.name} must be an object`);
}
