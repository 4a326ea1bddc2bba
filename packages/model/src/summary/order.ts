import type { SocketCount } from './count';

/** The order of count rows: state, direction, port, then process (null after the names). */
export function compareCounts(a: SocketCount, b: SocketCount): number {
  return (
    compareText(a.state, b.state) ||
    compareText(a.direction, b.direction) ||
    a.port - b.port ||
    compareText(a.process ?? '', b.process ?? '') ||
    Number(a.process !== null) - Number(b.process !== null)
  );
}

// Plain code-unit order: the same on every machine, unlike localeCompare.
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
