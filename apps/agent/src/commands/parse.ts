import { readFileSync } from 'node:fs';
import {
  detectFormat,
  FORMAT_NAMES,
  isFormatName,
  PARSERS,
  STATE_INFO,
  TCP_STATES,
  type FormatName,
  type ParseResult,
  type TcpState,
} from '@tcpfleet/model';
import { EXIT, type Command, type Io } from '../cli/command';
import { UsageError, type ParsedArgs } from '../cli/flags';
import { reason } from '../errors';

export const parseCommand: Command = {
  name: 'parse',
  summary: 'Decode a pasted socket listing (netstat, ss, /proc/net/tcp, PowerShell, ...) into TCP states.',
  usage: 'parse [--format NAME] [FILE|-] [--json]',
  details: [
    'Reads FILE, or standard input when FILE is "-" or absent. The format is detected unless named.',
    `Formats: ${FORMAT_NAMES.join(', ')}.`,
    'With --json prints one object: {"format", "sockets", "counts" (sockets per state), "warnings"}.',
  ].join('\n'),
  flags: {
    format: { kind: 'string', value: 'NAME', help: 'the listing format, when detection is not wanted' },
    json: { kind: 'boolean', help: 'print one JSON object instead of a table' },
  },
  run: parse,
};

async function parse(args: ParsedArgs, io: Io): Promise<number> {
  if (args.positionals.length > 1) throw new UsageError('give at most one FILE');
  const file = args.positionals[0] ?? '-';
  const named = args.flags.format as string | undefined;
  if (named !== undefined && !isFormatName(named)) {
    io.stderr.write(
      `tcpfleet-agent parse: unknown format "${named}"; accepted formats: ${FORMAT_NAMES.join(', ')}\n`,
    );
    return EXIT.usage;
  }
  let text: string;
  try {
    text = file === '-' ? await readStream(io.stdin) : readFileSync(file, 'utf8');
  } catch (error) {
    io.stderr.write(
      `tcpfleet-agent parse: cannot read ${file === '-' ? 'standard input' : file}: ${reason(error)}\n`,
    );
    return EXIT.noInput;
  }
  const format = (named as FormatName | undefined) ?? detectFormat(text);
  if (format === undefined) {
    io.stderr.write(
      `tcpfleet-agent parse: cannot tell the format of ${file === '-' ? 'standard input' : file}; ` +
        `name it with --format, one of: ${FORMAT_NAMES.join(', ')}\n`,
    );
    return EXIT.dataError;
  }
  const result = PARSERS[format](text);
  const counts = countByState(result);
  if (args.flags.json === true) {
    io.stdout.write(
      `${JSON.stringify({ format, sockets: result.sockets, counts, warnings: result.warnings })}\n`,
    );
  } else {
    io.stdout.write(stateTable(result, counts, named === undefined));
  }
  return EXIT.ok;
}

/** Sockets per canonical state, in the order of the state machine; states with none are left out. */
export function countByState(result: ParseResult): Partial<Record<TcpState, number>> {
  const seen = new Map<TcpState, number>();
  for (const socket of result.sockets) seen.set(socket.state, (seen.get(socket.state) ?? 0) + 1);
  const counts: Partial<Record<TcpState, number>> = {};
  for (const state of TCP_STATES) if (seen.has(state)) counts[state] = seen.get(state);
  return counts;
}

function stateTable(
  result: ParseResult,
  counts: Partial<Record<TcpState, number>>,
  detected: boolean,
): string {
  const rows = Object.entries(counts) as [TcpState, number][];
  const width = Math.max(5, ...rows.map(([state]) => state.length));
  const lines = [
    `${result.sockets.length} TCP sockets, format ${result.format}${detected ? ' (detected)' : ''}`,
    '',
    `${'STATE'.padEnd(width)}  ${'COUNT'.padStart(6)}  MEANING`,
    ...rows.map(
      ([state, n]) => `${state.padEnd(width)}  ${String(n).padStart(6)}  ${STATE_INFO[state].description}`,
    ),
  ];
  if (result.warnings.length > 0) {
    lines.push('', `${result.warnings.length} warnings:`);
    for (const warning of result.warnings.slice(0, 20))
      lines.push(`  line ${warning.line}: ${warning.message}`);
    if (result.warnings.length > 20) lines.push(`  ... and ${result.warnings.length - 20} more (see --json)`);
  }
  return `${lines.join('\n')}\n`;
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
