import { Direction, TcpState } from '@tcpfleet/model';
import { countRows, pidsByProcess } from './count-rows';

const sock = (pid: number, process: string) => ({
  family: 'ipv4' as const,
  localAddress: '10.0.0.1',
  localPort: 443,
  remoteAddress: '10.0.0.2',
  remotePort: 5000,
  state: TcpState.ESTABLISHED,
  pid,
  process,
});

describe('count rows', () => {
  it('picks the pid holding most of a process name’s sockets', () => {
    const pids = pidsByProcess([sock(1, 'nginx'), sock(2, 'nginx'), sock(2, 'nginx'), sock(9, 'java')]);
    expect([...pids]).toEqual([
      ['nginx', 2],
      ['java', 9],
    ]);
  });

  it('adds up repeated keys, drops zero counts and attaches pids', () => {
    const rows = countRows(
      [
        { state: TcpState.CLOSE_WAIT, direction: Direction.INBOUND, port: 443, process: 'java', count: 2 },
        { state: TcpState.CLOSE_WAIT, direction: Direction.INBOUND, port: 443, process: 'java', count: 3 },
        { state: TcpState.CLOSE_WAIT, direction: Direction.OUTBOUND, port: 443, process: 'java', count: 1 },
        { state: TcpState.LISTEN, direction: Direction.INBOUND, port: 80, process: null, count: 0 },
      ],
      [sock(9, 'java')],
    );
    expect(rows).toEqual([
      { state: 'CLOSE_WAIT', direction: 'INBOUND', port: 443, process: 'java', pid: 9, count: 5 },
      { state: 'CLOSE_WAIT', direction: 'OUTBOUND', port: 443, process: 'java', pid: 9, count: 1 },
    ]);
  });
});
