import {
  DEFAULT_THRESHOLDS,
  Direction,
  evaluateFindings,
  TcpState,
  type HistoryPoint,
} from '@tcpfleet/model';
import { findingInput, withZeros, type FindingRows } from './finding-input';

const at = (minute: number): Date => new Date(Date.UTC(2026, 0, 1, 12, minute));
const point = (minute: number, count: number): HistoryPoint => ({
  at: at(minute),
  state: TcpState.CLOSE_WAIT,
  direction: Direction.INBOUND,
  port: 443,
  process: 'java',
  count,
});

describe('withZeros', () => {
  it('adds a zero where a key is missing from a later snapshot, never before its first point', () => {
    const filled = withZeros([point(2, 5), point(6, 9)], [at(0), at(2), at(4), at(6)]);
    expect(filled.map((p) => [p.at.getUTCMinutes(), p.count]).sort((a, b) => a[0] - b[0])).toEqual([
      [2, 5],
      [4, 0],
      [6, 9],
    ]);
  });
});

describe('findingInput', () => {
  const rows = (history: HistoryPoint[], times: Date[]): FindingRows => ({
    host: {
      hostId: 'h',
      hostname: 'web-1',
      os: 'linux',
      osVersion: null,
      agentVersion: null,
      machineId: null,
      labels: {},
      enrolledAt: at(0),
      lastSeenAt: times.at(-1) ?? null,
      socketCount: 0,
      count: 0,
      ephemeralLow: null,
      ephemeralHigh: null,
    },
    counts: [{ state: 'CLOSE_WAIT', direction: 'INBOUND', port: 443, process: 'java', pid: 7, count: 50 }],
    history: history.map((p) => ({ ...p })),
    times,
    listeners: null,
    destinations: null,
  });

  it('sees a sawtooth as unsteady once the zeros between its points are back', () => {
    const times = [0, 2, 4, 6, 8, 10, 12].map(at);
    // CLOSE_WAIT at 10, 20, 30, 40, 50 with no rows (zero sockets) at minutes 4 and 8.
    const history = [point(0, 10), point(2, 20), point(6, 30), point(10, 40), point(12, 50)];
    const growth = (input: ReturnType<typeof findingInput>) =>
      evaluateFindings(input, DEFAULT_THRESHOLDS).filter((f) => f.rule === 'CLOSE_WAIT_LEAK');
    const input = findingInput(rows(history, times), at(12), 300);
    expect(input.ephemeralRange).toEqual({ low: 1, high: 0 });
    expect(input.history).toHaveLength(7);
    expect(growth(input)).toEqual([]);
    const withoutGaps = findingInput(rows(history, [0, 2, 6, 10, 12].map(at)), at(12), 300);
    expect(growth(withoutGaps)).toHaveLength(1);
  });
});
