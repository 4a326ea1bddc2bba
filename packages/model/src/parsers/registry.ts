import type { FormatName, ParseResult, Parser } from '../socket';
import { detectFormat } from './detect';
import { parseFreebsdNetstat, parseSockstat } from './freebsd';
import { parseIllumosNetstat } from './illumos';
import { parseLinuxNetstat, parseProcNetTcp, parseSs } from './linux';
import { parseMacosNetstat } from './macos';
import { parsePowershellJson, parsePowershellTable, parseWindowsNetstat } from './windows';

/** Every format the model reads, and its parser. */
export const PARSERS: Readonly<Record<FormatName, Parser>> = {
  'linux-proc': (text) => parseProcNetTcp(text),
  'linux-ss': parseSs,
  'linux-netstat': parseLinuxNetstat,
  'macos-netstat': parseMacosNetstat,
  'freebsd-netstat': parseFreebsdNetstat,
  'freebsd-sockstat': parseSockstat,
  'windows-netstat': parseWindowsNetstat,
  'powershell-table': parsePowershellTable,
  'powershell-json': parsePowershellJson,
  'illumos-netstat': parseIllumosNetstat,
};

export const FORMAT_NAMES = Object.keys(PARSERS) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(PARSERS, name);
}

/**
 * Parses text in the given format, or in the detected one. Returns undefined only when no format
 * was given and none could be detected; never throws.
 */
export function parseText(text: string, format?: FormatName): ParseResult | undefined {
  const chosen = format ?? detectFormat(text);
  return chosen === undefined ? undefined : PARSERS[chosen](text);
}
