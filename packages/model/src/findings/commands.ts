import { TcpState } from '../states/tcp-state';
import { Direction } from '../summary/count';
import { VOCABULARIES } from '../vocabularies';
import type { VocabularyId } from '../vocabularies';
import type { OsName } from '../wire/snapshot';

/** Where the sockets a command should list are: a local service port or a remote service. */
export interface Place {
  direction: Direction;
  port: number;
  address?: string;
}

// The vocabulary whose spelling each OS's own tool prints and accepts.
const TOOL_VOCABULARY: Record<OsName, VocabularyId> = {
  linux: 'linux-ss',
  darwin: 'macos',
  freebsd: 'freebsd',
  windows: 'powershell',
  illumos: 'illumos',
};

function spelling(os: OsName, state: TcpState): string {
  const entry = VOCABULARIES[TOOL_VOCABULARY[os]].entries.find((e) => e.state === state);
  return entry?.name ?? state;
}

/**
 * A command that lists the sockets of one state at one place, with their processes where the tool
 * shows them. `ss` takes a state filter in lower case (iproute2 misc/ss.c, sstate_namel[]: the
 * printed names in lower case for every state used here) and a filter expression on ports and
 * addresses; PowerShell takes its own state names (Get-NetTCPConnection -State).
 */
export function listCommand(os: OsName, state: TcpState, place: Place): string {
  const name = spelling(os, state);
  const local = place.direction === Direction.INBOUND;
  if (os === 'linux') {
    const side = local ? 'sport' : 'dport';
    const host = place.address === undefined ? '' : ` and dst ${bracketed(place.address)}`;
    return `ss -tnp state ${name.toLowerCase()} '( ${side} = :${place.port} )${host}'`;
  }
  if (os === 'windows') {
    const where = local ? `-LocalPort ${place.port}` : `-RemotePort ${place.port}`;
    const host = place.address === undefined ? '' : ` -RemoteAddress ${place.address}`;
    return `Get-NetTCPConnection -State ${name} ${where}${host} | Format-Table -AutoSize`;
  }
  const protocol = os === 'illumos' ? '-P tcp' : '-p tcp';
  // BSD and illumos netstat print an endpoint as address.port.
  return `netstat -an ${protocol} | grep ${name} | grep '\\.${place.port} '`;
}

/** A command that shows the sockets (descriptors) a process holds. */
export function descriptorCommand(os: OsName, pid: number): string {
  switch (os) {
    case 'linux':
      return `ls -l /proc/${pid}/fd | grep -c socket`;
    case 'windows':
      return `Get-NetTCPConnection -OwningProcess ${pid} | Group-Object State`;
    case 'freebsd':
      return `procstat -f ${pid}`;
    case 'illumos':
      return `pfiles ${pid}`;
    case 'darwin':
      return `lsof -nP -p ${pid} -a -i TCP`;
  }
}

function bracketed(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}

/** A command that tests whether a TCP service answers, from the host that cannot reach it. */
export function probeCommand(os: OsName, address: string, port: number): string {
  if (os === 'windows') return `Test-NetConnection -ComputerName ${address} -Port ${port}`;
  return `nc -vz -w 3 ${address} ${port}`;
}

/** Where each OS keeps its ephemeral port range. */
export function rangeCommand(os: OsName): string {
  switch (os) {
    case 'linux':
      return 'sysctl net.ipv4.ip_local_port_range';
    case 'windows':
      return 'netsh int ipv4 show dynamicport tcp';
    case 'darwin':
    case 'freebsd':
      return 'sysctl net.inet.ip.portrange.first net.inet.ip.portrange.last';
    case 'illumos':
      return 'ipadm show-prop -p smallest_anon_port,largest_anon_port tcp';
  }
}
