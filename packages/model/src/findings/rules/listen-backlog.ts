import { TcpState } from '../../states/tcp-state';
import { Direction } from '../../summary/count';
import type { WireListener } from '../../wire/snapshot';
import { FindingRule, type Finding, type FindingInput } from '../finding';
import type { FindingThresholds } from '../thresholds';
import { endpoint, nameOf, osOf, percent, plural, who, type Level, type Rule } from './common';

/**
 * A listener whose accept queue nears its backlog. The kernel counts a listener full when the queue
 * exceeds the backlog (sk_acceptq_is_full(), include/net/sock.h: `sk_ack_backlog >
 * sk_max_ack_backlog`), so the queue can read one more than the backlog. Without a backlog (the
 * collector could not read it) only a long queue warns.
 */
export const listenBacklogSaturation: Rule = (input, thresholds) => {
  const findings: Finding[] = [];
  for (const listener of input.listeners ?? []) {
    const level = levelOf(listener, thresholds);
    if (level) findings.push(finding(listener, level, input));
  }
  return findings;
};

function levelOf(listener: WireListener, thresholds: FindingThresholds): Level | undefined {
  const { acceptQueue, backlog } = listener;
  const t = thresholds.listenBacklog;
  if (backlog === undefined) {
    return acceptQueue >= t.queueWithoutBacklog
      ? { severity: 'warning', threshold: t.queueWithoutBacklog }
      : undefined;
  }
  // At least one connection waiting: an idle listener with a backlog of 0 is not saturated.
  const critical = Math.max(1, Math.ceil(backlog * t.criticalShare));
  const warning = Math.max(1, Math.ceil(backlog * t.warningShare));
  if (acceptQueue >= critical) return { severity: 'critical', threshold: critical };
  if (acceptQueue >= warning) return { severity: 'warning', threshold: warning };
  return undefined;
}

function finding(listener: WireListener, level: Level, input: FindingInput): Finding {
  const { acceptQueue, backlog, port } = listener;
  const address = endpoint(listener.address, port);
  const holder = who(listener.process, listener.pid);
  const fill =
    backlog === undefined
      ? 'its backlog is unknown'
      : `${percent(acceptQueue, backlog)}% of its backlog of ${backlog}`;
  return {
    rule: FindingRule.LISTEN_BACKLOG_SATURATION,
    severity: level.severity,
    title: `Listener ${address} has ${plural(acceptQueue, 'connection')} waiting for accept() (${fill})`,
    explanation:
      `The kernel has completed ${plural(acceptQueue, 'handshake')} on ${address} that ${holder} has not accepted yet; ${fill}. ` +
      `A server that keeps up leaves this queue near empty. Once it is full the kernel drops new handshakes, and clients see timeouts and slow retries rather than an error, ` +
      `so ${nameOf(listener.process)} is not calling accept() as fast as connections arrive: it is overloaded, blocked, or its accept loop is stuck.`,
    nextStep: nextStep(listener, holder, input),
    evidence: {
      state: TcpState.LISTEN,
      address: listener.address,
      port,
      direction: Direction.INBOUND,
      process: listener.process ?? null,
      ...(listener.pid === undefined ? {} : { pid: listener.pid }),
      count: acceptQueue,
      threshold: level.threshold,
      ...(backlog === undefined ? {} : { limit: backlog }),
    },
  };
}

function nextStep(listener: WireListener, holder: string, input: FindingInput): string {
  const os = osOf(input);
  const name = nameOf(listener.process);
  const threads =
    os === 'linux' && listener.pid !== undefined ? ` (\`top -H -p ${listener.pid}\` shows its threads)` : '';
  const linux =
    os === 'linux'
      ? ` \`ss -ltn '( sport = :${listener.port} )'\` shows the queue (Recv-Q) against the backlog (Send-Q), and \`nstat -az TcpExtListenOverflows TcpExtListenDrops\` counts the handshakes already dropped.`
      : '';
  return (
    `Check what ${holder} is doing${threads}: CPU saturation, an exhausted worker or thread pool, or a blocked event loop.${linux} ` +
    `Raise the backlog (the listen() argument, capped by net.core.somaxconn on Linux) only once ${name} keeps up; a longer queue alone only makes clients wait longer.`
  );
}
