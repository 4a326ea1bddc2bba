import type { Socket } from '../socket';
import { TcpState } from '../states/tcp-state';
import { capSocketList, socketListRank } from './socket-list';
import { WIRE_LIMITS } from './snapshot';

function socket(state: TcpState, localPort: number): Socket {
  const base = {
    family: 'ipv4' as const,
    localAddress: '10.0.0.1',
    remoteAddress: '10.0.0.2',
    remotePort: 443,
  };
  return { ...base, localPort, state, rawState: state, inode: 7 };
}

describe('capSocketList', () => {
  it('keeps every socket, without raw state and inode, when they fit', () => {
    const list = capSocketList([socket(TcpState.ESTABLISHED, 50000)], 10);
    expect(list).toEqual({
      sockets: [
        {
          family: 'ipv4',
          localAddress: '10.0.0.1',
          localPort: 50000,
          remoteAddress: '10.0.0.2',
          remotePort: 443,
          state: 'ESTABLISHED',
        },
      ],
      truncated: false,
    });
  });

  it('keeps listeners and CLOSE_WAIT before ESTABLISHED and TIME_WAIT, in order within a state', () => {
    const sockets = [
      socket(TcpState.TIME_WAIT, 1),
      socket(TcpState.ESTABLISHED, 2),
      socket(TcpState.CLOSE_WAIT, 3),
      socket(TcpState.LISTEN, 4),
      socket(TcpState.CLOSE_WAIT, 5),
    ];
    const list = capSocketList(sockets, 3);
    expect(list.truncated).toBe(true);
    expect(list.sockets.map((s) => s.localPort)).toEqual([4, 3, 5]);
  });

  it('never exceeds the wire limit, whatever cap is asked for', () => {
    const many = Array.from({ length: WIRE_LIMITS.maxSockets + 10 }, (_, i) => socket(TcpState.TIME_WAIT, i));
    expect(capSocketList(many, 1e9).sockets).toHaveLength(WIRE_LIMITS.maxSockets);
  });

  it('ranks TIME_WAIT after every other state', () => {
    for (const state of Object.values(TcpState)) {
      if (state !== TcpState.TIME_WAIT)
        expect(socketListRank(state)).toBeLessThanOrEqual(socketListRank(TcpState.TIME_WAIT));
    }
  });
});
