/** A count at which a finding is a warning, and one at which it is critical. */
export interface LevelThresholds {
  warning: number;
  critical: number;
}

/** A share of a capacity (0 to 1) at which a finding is a warning, and one at which it is critical. */
export interface ShareThresholds {
  warningShare: number;
  criticalShare: number;
}

/** When a count "grows steadily" (trend.ts): all must hold over the window. */
export interface TrendThresholds {
  windowSeconds: number;
  /** Fewer points than this say nothing about a trend. */
  minPoints: number;
  /** The least-squares slope must reach this many sockets per minute. */
  minPerMinute: number;
  /** The last point must exceed the first by at least this many sockets. */
  minIncrease: number;
  /** This share of the steps between points must be non-decreasing. */
  steadyShare: number;
}

export interface FindingThresholds {
  closeWait: LevelThresholds & TrendThresholds;
  synReceived: LevelThresholds;
  listenBacklog: ShareThresholds & {
    /** Queued connections that warn when the collector cannot read the listener's backlog. */
    queueWithoutBacklog: number;
  };
  synSent: LevelThresholds;
  ephemeral: ShareThresholds;
  finWait2: LevelThresholds;
  lastAck: LevelThresholds;
  hostSilence: {
    /** Silence after which a host that is not reporting is critical (it is a warning from stale). */
    criticalAfterSeconds: number;
  };
}

/**
 * Defaults, each a starting point an operator may override. Counts are per key: one port (and
 * process) for CLOSE_WAIT, one listening port for SYN_RECEIVED, one destination for SYN_SENT.
 */
export const DEFAULT_THRESHOLDS: Readonly<FindingThresholds> = {
  closeWait: {
    // A process closes its socket moments after the peer's FIN, so a sample normally catches a
    // handful; 100 held at once are not closes in flight but sockets nobody will close.
    warning: 100,
    // Each CLOSE_WAIT socket holds a file descriptor, and the default soft RLIMIT_NOFILE is 1024
    // (INR_OPEN_CUR in the kernel's include/uapi/linux/fs.h, kept by systemd's DefaultLimitNOFILE):
    // near 1000 such a process is about to fail accept() and open() with EMFILE.
    critical: 1000,
    // 15 minutes: 30 points at a 30 s agent interval, long enough that a burst of slow closes after
    // a deploy rises and falls inside it instead of looking like a trend.
    windowSeconds: 900,
    minPoints: 5,
    // One leaked socket a minute is 1440 a day: the 1024 descriptors of a default limit in a day.
    minPerMinute: 1,
    // Fewer extra sockets than this is within the noise of connections closing normally.
    minIncrease: 10,
    // Three steps in four up or flat: survives a sample where a worker restarted and freed some,
    // not a sawtooth.
    steadyShare: 0.75,
  },
  synReceived: {
    // A handshake normally completes in one round trip, so in flight = rate x RTT (Little's law):
    // 100 needs 1000 new connections a second at a 100 ms RTT. 100 also nears the 128 that was
    // SOMAXCONN before Linux 5.4, the SYN queue limit of a listener with a classic backlog
    // (inet_csk_reqsk_queue_is_full() compares the queue with sk_max_ack_backlog,
    // include/net/inet_connection_sock.h).
    warning: 100,
    // Ten times that: 10,000 handshakes a second at 100 ms, beyond a healthy host without tuning.
    critical: 1000,
  },
  listenBacklog: {
    // The kernel drops new handshakes once the accept queue is full (sk_acceptq_is_full(),
    // include/net/sock.h); at 80% accept() is already falling behind arrivals.
    warningShare: 0.8,
    criticalShare: 1,
    // Without the backlog (e.g. /proc/net/tcp has only the queue): a server that keeps up leaves
    // the queue near empty; 50 is a tenth of the 511 default backlog of nginx and Node.js.
    queueWithoutBacklog: 50,
  },
  synSent: {
    // An answering destination completes a connect in one round trip, while an unanswered SYN is
    // retried for 127 s, 131 s on kernels with tcp_syn_linear_timeouts (net.ipv4.tcp_syn_retries
    // = 6, Documentation/networking/ip-sysctl.rst). 20 waiting at once towards one service are
    // connects nobody answers, not a busy client.
    warning: 20,
    critical: 100,
  },
  ephemeral: {
    // Linux picks a connect()'s source port so that the 4-tuple is unique (__inet_hash_connect(),
    // net/ipv4/inet_hashtables.c), so the range limits sockets per destination address and port,
    // TIME_WAIT ones included. Half the range used towards one destination warns; at 80% a burst
    // of new connections fails with EADDRNOTAVAIL.
    warningShare: 0.5,
    criticalShare: 0.8,
  },
  finWait2: {
    // Orphaned FIN_WAIT_2 sockets expire after net.ipv4.tcp_fin_timeout (60 s by default); 100 at
    // once means peers leave connections half-closed more than once a second.
    warning: 100,
    critical: 1000,
  },
  lastAck: {
    // LAST_ACK normally lasts one round trip; 100 at once are peers that vanished mid-close.
    warning: 100,
    critical: 1000,
  },
  hostSilence: {
    // A restart or a deploy takes minutes; an hour of silence is a dead host or a broken agent.
    criticalAfterSeconds: 3600,
  },
};
