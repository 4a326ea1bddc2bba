import { Direction, TcpState } from '@tcpfleet/model';
import { arrayText, countColumns, type IngestSnapshot } from './ingest-columns';

const item = (hostId: string, at: number, rows: IngestSnapshot['rows']): IngestSnapshot =>
  ({ hostId, snapshotId: hostId, collectedAt: new Date(at), digest: '', rows }) as unknown as IngestSnapshot;

describe('count columns as array literals', () => {
  it('quotes every text element, escaping only quotes and backslashes', () => {
    expect(['', 'NULL', 'a b', 'x,y', '{z}', 'say "hi"', 'C:\\dir'].map(arrayText)).toEqual([
      '""',
      '"NULL"',
      '"a b"',
      '"x,y"',
      '"{z}"',
      '"say \\"hi\\""',
      '"C:\\\\dir"',
    ]);
    expect(arrayText(null)).toBe('NULL');
  });

  it('writes one element per row, in row order, with whether its item is current', () => {
    const first = item('00000000-0000-4000-8000-000000000001', 0, [
      { state: TcpState.LISTEN, direction: Direction.INBOUND, port: 22, process: 'sshd', pid: 7, count: 1 },
      {
        state: TcpState.TIME_WAIT,
        direction: Direction.OUTBOUND,
        port: 0,
        process: null,
        pid: null,
        count: 9,
      },
    ]);
    const second = item('00000000-0000-4000-8000-000000000002', 1000, []);
    const third = item('00000000-0000-4000-8000-000000000003', 2000, [
      {
        state: TcpState.CLOSE_WAIT,
        direction: Direction.INBOUND,
        port: 443,
        process: 'a,b',
        pid: 1,
        count: 3,
      },
    ]);
    expect(countColumns([first, second, third], new Set([third]))).toEqual({
      hostId: `{${first.hostId},${first.hostId},${third.hostId}}`,
      collectedAt: '{1970-01-01T00:00:00.000Z,1970-01-01T00:00:00.000Z,1970-01-01T00:00:02.000Z}',
      state: '{LISTEN,TIME_WAIT,CLOSE_WAIT}',
      direction: '{INBOUND,OUTBOUND,INBOUND}',
      port: '{22,0,443}',
      process: '{"sshd",NULL,"a,b"}',
      pid: '{7,NULL,1}',
      count: '{1,9,3}',
      current: '{f,f,t}',
    });
  });
});
