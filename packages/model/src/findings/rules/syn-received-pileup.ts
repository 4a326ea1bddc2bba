import { TcpState } from '../../states/tcp-state';
import { Direction } from '../../summary/count';
import { listCommand } from '../commands';
import { FindingRule, type Finding, type FindingInput } from '../finding';
import { levelOf, nameOf, osOf, plural, totalsPerPort, who, type PortTotal, type Rule } from './common';

/**
 * Half-open handshakes on one listening port. The SYN_RECEIVED sockets (request sockets) have no
 * descriptor and so no process; the process named is the one listening on the port.
 */
export const synReceivedPileup: Rule = (input, thresholds) => {
  const listeners = totalsPerPort(input.counts, TcpState.LISTEN);
  const findings: Finding[] = [];
  for (const total of totalsPerPort(input.counts, TcpState.SYN_RECEIVED)) {
    const level = levelOf(total.count, thresholds.synReceived);
    if (!level) continue;
    const listener = listeners.find((l) => l.port === total.port && l.direction === Direction.INBOUND);
    const owner = listener ?? total;
    const holder = who(owner.process, owner.pid);
    findings.push({
      rule: FindingRule.SYN_RECEIVED_PILEUP,
      severity: level.severity,
      title: `${plural(total.count, 'half-open handshake')} (SYN_RECEIVED) on port ${total.port}`,
      explanation:
        `Clients started ${plural(total.count, 'connection')} to port ${total.port} that are not finished: this host answered their SYN and is waiting for the final ACK. ` +
        `A healthy handshake completes in one round trip, so this is a SYN flood (many sources that never answer), clients on a lossy path, or ${holder} accepting so slowly that the kernel stops completing handshakes. ` +
        `When the listener's SYN queue fills, new clients wait, retry or fail to connect.`,
      nextStep: nextStep(total, nameOf(owner.process), input),
      evidence: {
        state: TcpState.SYN_RECEIVED,
        port: total.port,
        direction: total.direction,
        process: owner.process,
        ...(owner.pid === undefined ? {} : { pid: owner.pid }),
        count: total.count,
        threshold: level.threshold,
      },
    });
  }
  return findings;
};

function nextStep(total: PortTotal, name: string, input: FindingInput): string {
  const os = osOf(input);
  const list = listCommand(os, TcpState.SYN_RECEIVED, { direction: total.direction, port: total.port });
  const linux =
    os === 'linux'
      ? ` \`ss -ltn '( sport = :${total.port} )'\` shows the listener's accept queue (Recv-Q) against its backlog (Send-Q): near full means ${name} accepts too slowly. \`nstat -az TcpExtListenOverflows TcpExtListenDrops TcpExtSyncookiesSent\` counts the handshakes dropped or answered with cookies; keep net.ipv4.tcp_syncookies = 1.`
      : '';
  return (
    `See where the handshakes come from: \`${list}\`. Many distinct sources that never complete are a flood: filter them upstream (firewall, load balancer, DDoS protection). ` +
    `A few known clients point to packet loss on their path or a slow server.${linux}`
  );
}
