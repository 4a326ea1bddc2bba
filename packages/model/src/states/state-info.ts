import { TcpState } from './tcp-state';

/** Which end of a connection usually shows a state. */
export type StateSide = 'client' | 'server' | 'both';

export interface StateInfo {
  /** What the state is, in our own words. */
  description: string;
  /** Which side usually shows it: the one that connects (client), accepts (server), or either. */
  side: StateSide;
  /** What many sockets in this state usually mean when troubleshooting. */
  pileUp: string;
}

/** What each state means, for people reading counts; the API and the agent both show it. */
export const STATE_INFO: Readonly<Record<TcpState, StateInfo>> = {
  [TcpState.LISTEN]: {
    description: 'A server socket waiting for connections on a port.',
    side: 'server',
    pileUp:
      'Each listener is one service; many mean many services. Watch its accept queue: when it nears the backlog, new connections are dropped.',
  },
  [TcpState.SYN_SENT]: {
    description: 'We sent a connection request (SYN) and wait for the answer.',
    side: 'client',
    pileUp:
      'Connections to a destination nobody answers: a firewall dropping packets, a dead host or a wrong address.',
  },
  [TcpState.SYN_RECEIVED]: {
    description: 'A peer asked to connect, we answered, and the handshake is not finished yet.',
    side: 'server',
    pileUp:
      'Half-open handshakes: a SYN flood, clients behind a lossy path, or a server that accepts too slowly for its listen backlog.',
  },
  [TcpState.ESTABLISHED]: {
    description: 'An open connection carrying data both ways.',
    side: 'both',
    pileUp:
      'Normal traffic. A count that only grows points to connection pools without limits or clients that never hang up.',
  },
  [TcpState.FIN_WAIT_1]: {
    description: 'We closed our side and wait for the peer to acknowledge it.',
    side: 'both',
    pileUp: 'Peers that stopped answering after we closed: a network problem or an overloaded peer.',
  },
  [TcpState.FIN_WAIT_2]: {
    description: 'We closed our side, the peer acknowledged, and we wait for the peer to close too.',
    side: 'both',
    pileUp:
      'Peers that never finish their side of the close: usually a bug or a hang in the peer application.',
  },
  [TcpState.CLOSE_WAIT]: {
    description: 'The peer closed its side; we have not closed ours yet.',
    side: 'both',
    pileUp:
      'A socket leak in the owning process: the peer hung up and the application never called close(). Counts that grow will exhaust file descriptors.',
  },
  [TcpState.CLOSING]: {
    description: 'Both sides closed at the same moment and each waits for the other to acknowledge.',
    side: 'both',
    pileUp: 'Rare; many of them mean lost acknowledgements on the path.',
  },
  [TcpState.LAST_ACK]: {
    description: 'The peer closed first, we closed too, and we wait for the final acknowledgement.',
    side: 'both',
    pileUp: 'Peers that vanished after closing: lost packets or peers that went away mid-close.',
  },
  [TcpState.TIME_WAIT]: {
    description:
      'We closed first; the socket lingers so late packets of the old connection are not mistaken for a new one.',
    side: 'both',
    pileUp:
      'Many short-lived connections closed by this side. Harmless until the ephemeral ports towards one destination run out; reuse connections (keep-alive, pools).',
  },
  [TcpState.CLOSED]: {
    description: 'No connection: the socket exists but is not connected or has been torn down.',
    side: 'both',
    pileUp: 'Sockets an application opened and never used or never released.',
  },
  [TcpState.BOUND]: {
    description: 'A socket bound to a local address that neither listens nor connects (yet).',
    side: 'both',
    pileUp: 'Applications that reserve ports without using them; they hold ports other programs may need.',
  },
  [TcpState.IDLE]: {
    description: 'A TCP socket that is open but not bound to any address yet (illumos, Solaris).',
    side: 'both',
    pileUp: 'Applications that create sockets and never use them: a descriptor leak in the making.',
  },
  [TcpState.DELETE_TCB]: {
    description: 'Windows is deleting the connection control block; the connection is going away.',
    side: 'both',
    pileUp: 'Seen briefly while connections are torn down; many at once mean heavy connection churn.',
  },
  [TcpState.UNKNOWN]: {
    description: 'A state code or name that no vocabulary knows; the raw value is kept beside it.',
    side: 'both',
    pileUp: 'A newer OS or tool than this model knows: report the raw value so the vocabulary can learn it.',
  },
};
