import { TcpState, type WireSocket } from '@tcpfleet/model';
import { filterSockets } from './socket-filter';

const socket = (state: TcpState, localPort: number, remotePort: number, process?: string): WireSocket => ({
  family: 'ipv4',
  localAddress: '10.0.0.1',
  localPort,
  remoteAddress: '10.0.0.2',
  remotePort,
  state,
  ...(process === undefined ? {} : { process, pid: 7 }),
});

const LIST = [
  socket(TcpState.LISTEN, 443, 0, 'nginx'),
  socket(TcpState.CLOSE_WAIT, 443, 50000, 'nginx'),
  socket(TcpState.CLOSE_WAIT, 50001, 443),
  socket(TcpState.TIME_WAIT, 443, 50002, 'nginx'),
  socket(TcpState.CLOSE_WAIT, 8080, 50003, 'java'),
];

const all = { states: null, port: null, process: null, limit: 100 };

describe('filterSockets', () => {
  it('keeps list order and fills absent fields with null', () => {
    const rows = filterSockets(LIST, all);
    expect(rows.map((row) => row.localPort)).toEqual([443, 443, 50001, 443, 8080]);
    expect(rows[2]).toMatchObject({ pid: null, process: null, recvQueue: null, sendQueue: null, uid: null });
    expect(rows[0]).toMatchObject({ pid: 7, process: 'nginx' });
  });

  it('matches states, the port at either end and the process, together', () => {
    const closeWait = { ...all, states: ['CLOSE_WAIT'] };
    expect(filterSockets(LIST, { ...closeWait, port: 443 }).map((row) => row.localPort)).toEqual([
      443, 50001,
    ]);
    expect(filterSockets(LIST, { ...closeWait, process: 'java' }).map((row) => row.localPort)).toEqual([
      8080,
    ]);
    expect(filterSockets(LIST, { ...all, states: ['LISTEN', 'TIME_WAIT'] })).toHaveLength(2);
    expect(filterSockets(LIST, { ...all, process: 'nope' })).toEqual([]);
  });

  it('stops at the limit', () => {
    expect(filterSockets(LIST, { ...all, limit: 2 }).map((row) => row.remotePort)).toEqual([0, 50000]);
  });
});
