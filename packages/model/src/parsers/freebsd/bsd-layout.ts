/**
 * Where the columns of a BSD `netstat` Internet table sit, read from its header line. FreeBSD and
 * macOS print the same core (`Proto Recv-Q Send-Q Local Address Foreign Address (state)`) with flags
 * adding columns before it (-A: FreeBSD `Tcpcb`, macOS `Socket Flowhash`) and after it (-v, -b, -P,
 * -x). Sources: freebsd-src usr.bin/netstat/inet.c protopr(); Apple network_cmds netstat.tproj/inet.c
 * protopr() and protopr_header().
 */
export interface BsdLayout {
  proto: number;
  recvQueue: number;
  sendQueue: number;
  local: number;
  foreign: number;
  /** -1 when the table has no `(state)` column (FreeBSD -x). */
  state: number;
  /** The header names after `(state)`, e.g. `rhiwat shiwat process:pid state options ...`. */
  after: string[];
  /** -A puts columns before Proto and shrinks the address columns to 18 characters. */
  prefixed: boolean;
}

/** The layout of `netstat -an` when no header was pasted. */
export const DEFAULT_LAYOUT: BsdLayout = {
  proto: 0,
  recvQueue: 1,
  sendQueue: 2,
  local: 3,
  foreign: 4,
  state: 5,
  after: [],
  prefixed: false,
};

// Two-word header names that label one data column.
const JOINED: Record<string, string> = { Local: 'Address', Foreign: 'Address', Log: 'ID' };

function headerNames(tokens: string[]): string[] {
  const names: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (JOINED[token] !== undefined && tokens[i + 1] === JOINED[token]) {
      names.push(`${token} ${JOINED[token]}`);
      i++;
    } else names.push(token);
  }
  return names;
}

/** Reads a header line into a layout, or undefined when the line is no Internet table header. */
export function readBsdHeader(tokens: string[]): BsdLayout | undefined {
  const names = headerNames(tokens);
  const at = (name: string) => names.indexOf(name);
  const [proto, local, foreign] = [at('Proto'), at('Local Address'), at('Foreign Address')];
  if (proto < 0 || local < 0 || foreign < 0) return undefined;
  const state = at('(state)');
  return {
    proto,
    recvQueue: at('Recv-Q'),
    sendQueue: at('Send-Q'),
    local,
    foreign,
    state,
    after: state < 0 ? [] : names.slice(state + 1),
    prefixed: proto > 0,
  };
}

/**
 * The layout for one row: the header's, shifted when a row carries more or fewer leading columns
 * than the header says (a paste without its header, or -A rows under a plain header).
 */
export function rowLayout(layout: BsdLayout, tokens: string[]): BsdLayout | undefined {
  if (isProto(tokens[layout.proto])) return layout;
  const found = tokens.slice(0, 3).findIndex(isProto);
  if (found < 0) return undefined;
  const shift = found - layout.proto;
  const move = (index: number) => (index < 0 ? index : index + shift);
  return {
    ...layout,
    proto: found,
    recvQueue: move(layout.recvQueue),
    sendQueue: move(layout.sendQueue),
    local: move(layout.local),
    foreign: move(layout.foreign),
    state: move(layout.state),
    prefixed: found > 0,
  };
}

// netstat's protocol column: tcp, udp, icm(p), raw, div(ert), sctp, ... with 4, 6 or 46 appended.
function isProto(token: string | undefined): boolean {
  return token !== undefined && /^(tcp|udp|icm|raw|div|sctp|ip|igmp|toe)[0-9]*$/i.test(token);
}
