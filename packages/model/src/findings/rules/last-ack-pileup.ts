import { TcpState } from '../../states/tcp-state';
import { listCommand } from '../commands';
import { FindingRule } from '../finding';
import { closePileupRule } from './close-pileup';
import { osOf, plural, where } from './common';

/**
 * The peer closed first, this host closed too and waits for the last ACK, retransmitting its FIN
 * (net.ipv4.tcp_orphan_retries for orphans, Documentation/networking/ip-sysctl.rst).
 */
export const lastAckPileup = closePileupRule({
  rule: FindingRule.LAST_ACK_PILEUP,
  state: TcpState.LAST_ACK,
  thresholds: (t) => t.lastAck,
  title: (total) => `${plural(total.count, 'LAST_ACK socket')} ${where(total.direction, total.port)}`,
  explanation: (total) =>
    `The peers closed ${plural(total.count, 'connection')} ${where(total.direction, total.port)}, this host closed too and waits for their final acknowledgement, which does not arrive. ` +
    `A close normally finishes in one round trip, so the peers went away mid-close, or a firewall or NAT between the hosts forgot the connections and drops their last packets. ` +
    `The kernel keeps retransmitting and holds each socket until it gives up.`,
  nextStep: (total, input) =>
    `List the peers: \`${listCommand(osOf(input), TcpState.LAST_ACK, total)}\`. Check packet loss towards them and stateful firewalls or NAT on the path with short idle timeouts` +
    `${osOf(input) === 'linux' ? ' (`nstat -az TcpRetransSegs TcpExtTCPLossProbes` shows retransmissions growing)' : ''}.`,
});
