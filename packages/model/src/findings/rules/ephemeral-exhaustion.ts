import { TcpState } from '../../states/tcp-state';
import { Direction } from '../../summary/count';
import type { WireDestination } from '../../wire/snapshot';
import { listCommand, rangeCommand } from '../commands';
import { FindingRule, type Finding, type FindingInput } from '../finding';
import { endpoint, osOf, percent, plural, type Level, type Rule } from './common';

/**
 * Sockets towards one destination address and port, TIME_WAIT included, against the size of the
 * ephemeral range. Each connection to one destination needs its own source port (the 4-tuple is
 * unique, net/ipv4/inet_hashtables.c __inet_hash_connect()), and a closed one keeps its port in
 * TIME_WAIT (60 s on Linux, TCP_TIMEWAIT_LEN in include/net/tcp.h). Sockets from every local address
 * are counted together, which errs on the side of warning for hosts with several addresses.
 */
export const ephemeralPortExhaustion: Rule = (input, thresholds) => {
  const size = input.ephemeralRange.high - input.ephemeralRange.low + 1;
  if (size <= 0) return [];
  const t = thresholds.ephemeral;
  const critical = Math.ceil(size * t.criticalShare);
  const warning = Math.ceil(size * t.warningShare);
  const findings: Finding[] = [];
  for (const destination of input.destinations ?? []) {
    const level: Level | undefined =
      destination.count >= critical
        ? { severity: 'critical', threshold: critical }
        : destination.count >= warning
          ? { severity: 'warning', threshold: warning }
          : undefined;
    if (level) findings.push(finding(destination, level, size, input));
  }
  return findings;
};

function finding(destination: WireDestination, level: Level, size: number, input: FindingInput): Finding {
  const os = osOf(input);
  const { low, high } = input.ephemeralRange;
  const service = endpoint(destination.address, destination.port);
  const share = percent(destination.count, size);
  const timeWait = destination.states[TcpState.TIME_WAIT] ?? 0;
  const list = listCommand(os, TcpState.TIME_WAIT, {
    direction: Direction.OUTBOUND,
    port: destination.port,
    address: destination.address,
  });
  return {
    rule: FindingRule.EPHEMERAL_PORT_EXHAUSTION,
    severity: level.severity,
    title: `${plural(destination.count, 'socket')} towards ${service}: ${share}% of the ephemeral port range`,
    explanation:
      `Every connection from this host to ${service} needs its own local port from the ephemeral range ${low}-${high} (${size} ports), ` +
      `and a connection this host closed keeps its port for a while in TIME_WAIT. ${plural(destination.count, 'socket')} (${timeWait} in TIME_WAIT) already take ${share}% of the range. ` +
      `When it runs out, new connections to ${service} fail with "Cannot assign requested address" (EADDRNOTAVAIL) while other destinations still work.`,
    nextStep:
      `Reuse connections to ${service} instead of opening one per request: HTTP keep-alive or a connection pool in the client. ` +
      `\`${list}\` lists the TIME_WAIT ones. To buy room meanwhile, widen the range (\`${rangeCommand(os)}\`) or spread the traffic over more destination addresses.`,
    evidence: {
      port: destination.port,
      direction: Direction.OUTBOUND,
      destination: { address: destination.address, port: destination.port },
      count: destination.count,
      threshold: level.threshold,
      limit: size,
    },
  };
}
