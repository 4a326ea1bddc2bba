import type { FormatName, ParseResult, ParseWarning, Socket } from '../../socket';
import { TcpState } from '../../states/tcp-state';
import { stateByCode, stateByName, type Vocabulary } from '../../vocabularies';

import { MAX_WARNINGS } from '../common/warnings';

export { MAX_WARNINGS };

/** Collects the sockets and warnings of one parse, shared by the parsers of the non-Linux formats. */
export class Report {
  readonly sockets: Socket[] = [];
  private readonly warnings: ParseWarning[] = [];
  private dropped = 0;

  constructor(private readonly format: FormatName) {}

  warn(line: number, message: string): void {
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push({ line, message });
    else this.dropped++;
  }

  /** Looks a printed state up; an unknown one is kept raw, counted as UNKNOWN and warned about. */
  state(vocabulary: Vocabulary, raw: string, line: number): TcpState {
    const state = stateByName(vocabulary, raw);
    if (state === TcpState.UNKNOWN) this.warn(line, `unknown TCP state "${raw}" (kept as UNKNOWN)`);
    return state;
  }

  /** Looks a numeric state code up, like state(). */
  stateCode(vocabulary: Vocabulary, code: number, line: number): TcpState {
    const state = stateByCode(vocabulary, code);
    if (state === TcpState.UNKNOWN) this.warn(line, `unknown TCP state code ${code} (kept as UNKNOWN)`);
    return state;
  }

  result(): ParseResult {
    const warnings = [...this.warnings].sort((a, b) => a.line - b.line);
    if (this.dropped > 0) warnings.push({ line: 0, message: `${this.dropped} further warnings not shown` });
    return { format: this.format, sockets: this.sockets, warnings };
  }
}

/** Splits pasted text into lines whatever its line endings (LF, CRLF, lone CR). */
export function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** The whitespace-separated fields of a line. */
export function fields(line: string): string[] {
  const trimmed = line.trim();
  return trimmed === '' ? [] : trimmed.split(/\s+/);
}

/** A non-negative decimal counter (queue sizes, pids); undefined for anything else. */
export function count(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,15}$/.test(text)) return undefined;
  return Number(text);
}
