/** What a command accepts: each flag's kind decides how its value is read. */
export type FlagKind = 'string' | 'boolean' | 'list';

export interface FlagSpec {
  kind: FlagKind;
  /** The value's placeholder in help text, e.g. `URL`. */
  value?: string;
  help: string;
}

export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

export type FlagValue = string | boolean | string[];

export interface ParsedArgs {
  flags: Record<string, FlagValue>;
  positionals: string[];
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Reads `--name value`, `--name=value`, `--flag`, `--no-flag` and repeated list flags; `-` is a
 * positional (standard input) and `--` ends the flags. An unknown flag is an error, never ignored.
 */
export function parseArgs(argv: readonly string[], specs: FlagSpecs): ParsedArgs {
  const flags: Record<string, FlagValue> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
      positionals.push(arg);
      continue;
    }
    const [name, inline] = splitInline(arg.slice(2));
    const negated = name.startsWith('no-') && specs[name.slice(3)]?.kind === 'boolean';
    const key = negated ? name.slice(3) : name;
    const spec = specs[key];
    if (!spec) throw new UsageError(`unknown option --${name}`);
    if (spec.kind === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags[key] = !negated;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value (${spec.value ?? 'VALUE'})`);
    if (spec.kind === 'list') flags[key] = [...((flags[key] as string[] | undefined) ?? []), value];
    else flags[key] = value;
  }
  return { flags, positionals };
}

function splitInline(text: string): [string, string | undefined] {
  const at = text.indexOf('=');
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** Help lines for a set of flags, aligned. */
export function describeFlags(specs: FlagSpecs): string {
  const rows = Object.entries(specs).map(([name, spec]) => {
    const value = spec.kind === 'boolean' ? '' : ` ${spec.value ?? 'VALUE'}`;
    return [`  --${name}${value}`, spec.help] as const;
  });
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, help]) => left.padEnd(width) + help).join('\n');
}
