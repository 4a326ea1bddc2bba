import { TcpState } from '../../states/tcp-state';
import { listCommand } from '../commands';
import { FindingRule } from '../finding';
import { closePileupRule } from './close-pileup';
import { nameOf, osOf, plural, where, who } from './common';

/**
 * This host closed, the peer acknowledged and never closed its side. Orphans (already closed by
 * the application) are dropped after net.ipv4.tcp_fin_timeout, 60 s by default
 * (Documentation/networking/ip-sysctl.rst); sockets the application only shut down stay.
 */
export const finWait2Pileup = closePileupRule({
  rule: FindingRule.FIN_WAIT_2_PILEUP,
  state: TcpState.FIN_WAIT_2,
  thresholds: (t) => t.finWait2,
  title: (total) => `${plural(total.count, 'FIN_WAIT_2 socket')} ${where(total.direction, total.port)}`,
  explanation: (total) =>
    `This host closed ${plural(total.count, 'connection')} ${where(total.direction, total.port)}; the peers acknowledged and never closed their side. ` +
    `Sockets the application already closed are dropped by the kernel after a timeout (60 s on Linux); the others stay for as long as ${who(total.process, total.pid)} keeps them. ` +
    `Usually the peer application hangs or leaks sockets: it then holds the same connections in CLOSE_WAIT.`,
  nextStep: (total, input) =>
    `List the peers: \`${listCommand(osOf(input), TcpState.FIN_WAIT_2, total)}\`. On those hosts, look for the process holding CLOSE_WAIT sockets towards this one: the leak is there. ` +
    `If ${nameOf(total.process)} half-closes connections with shutdown(), make it close them after a timeout too.`,
});
