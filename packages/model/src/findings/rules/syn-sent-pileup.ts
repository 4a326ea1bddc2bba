import { TcpState } from '../../states/tcp-state';
import { Direction } from '../../summary/count';
import { listCommand, probeCommand } from '../commands';
import { FindingRule, type Finding, type FindingInput } from '../finding';
import { endpoint, levelOf, osOf, plural, totalsPerPort, who, type Level, type Rule } from './common';

interface Target {
  port: number;
  address?: string;
  count: number;
  process: string | null;
  pid?: number;
}

/**
 * Connects waiting for an answer towards one destination service. Destinations name the address;
 * the counts (per service port, every address together) cover ports no destination in the
 * snapshot's bounded list explains.
 */
export const synSentPileup: Rule = (input, thresholds) => {
  const perPort = totalsPerPort(input.counts, TcpState.SYN_SENT).filter(
    (t) => t.direction === Direction.OUTBOUND,
  );
  const findings: Finding[] = [];
  const explained = new Set<number>();
  for (const destination of input.destinations ?? []) {
    const count = destination.states[TcpState.SYN_SENT] ?? 0;
    const level = levelOf(count, thresholds.synSent);
    if (!level) continue;
    explained.add(destination.port);
    const owner = perPort.find((t) => t.port === destination.port);
    const target = {
      port: destination.port,
      address: destination.address,
      count,
      process: owner?.process ?? null,
      pid: owner?.pid,
    };
    findings.push(finding(target, level, input));
  }
  for (const total of perPort) {
    const level = levelOf(total.count, thresholds.synSent);
    if (level && !explained.has(total.port)) findings.push(finding(total, level, input));
  }
  return findings;
};

function finding(target: Target, level: Level, input: FindingInput): Finding {
  const os = osOf(input);
  const service =
    target.address === undefined ? `port ${target.port}` : endpoint(target.address, target.port);
  const holder = who(target.process, target.pid);
  const list = listCommand(os, TcpState.SYN_SENT, {
    direction: Direction.OUTBOUND,
    port: target.port,
    address: target.address,
  });
  const probe =
    target.address === undefined
      ? `\`${list}\` shows which addresses do not answer; test one from this host with \`${probeCommand(os, '<address>', target.port)}\`.`
      : `Test it from this host: \`${probeCommand(os, target.address, target.port)}\`.`;
  return {
    rule: FindingRule.SYN_SENT_PILEUP,
    severity: level.severity,
    title: `${plural(target.count, 'connection')} waiting for an answer (SYN_SENT) towards ${service}`,
    explanation:
      `${holder === 'the owning process' ? 'This host' : holder} asked to connect to ${service} ${target.count === 1 ? 'once' : `${target.count} times`} and got no answer yet. ` +
      `A reachable service answers within one round trip, so nobody answers: a firewall dropping the packets, a host that is down, or a wrong address. ` +
      `Each attempt is retried for about two minutes on Linux before it fails, and whatever waits on it waits as long.`,
    nextStep: [
      probe,
      'A timeout means the packets are dropped: check firewalls and security groups between the two hosts, and that the destination is up.',
      `"Connection refused" means the host is up but nothing listens on port ${target.port}.`,
      ...(target.address === undefined ? [] : [`\`${list}\` shows which process keeps trying.`]),
    ].join(' '),
    evidence: {
      state: TcpState.SYN_SENT,
      port: target.port,
      direction: Direction.OUTBOUND,
      process: target.process,
      ...(target.pid === undefined ? {} : { pid: target.pid }),
      ...(target.address === undefined
        ? {}
        : { destination: { address: target.address, port: target.port } }),
      count: target.count,
      threshold: level.threshold,
    },
  };
}
