import { TcpState } from '../../states/tcp-state';
import { stateByName, type Vocabulary } from '../../vocabularies';
import { endpointProblems, readEndpoint, type Endpoint } from './endpoint';
import { parseQueue, quote } from './fields';

/** The columns `ss` and net-tools `netstat` share, as printed. */
export interface Columns {
  state: string;
  recvQueue?: string;
  sendQueue?: string;
  local?: string;
  remote?: string;
}

/** Those columns read: queues, both endpoints and the state looked up in the tool's vocabulary. */
export interface Connection {
  local: Endpoint;
  remote: Endpoint;
  state: TcpState;
  rawState: string;
  recvQueue: number;
  sendQueue: number;
}

/**
 * Reads the shared columns; warns and gives undefined when the row cannot be read. An unknown state,
 * service or host name is warned about and the row kept.
 */
export function readConnection(
  columns: Columns,
  vocabulary: Vocabulary,
  warn: (message: string) => void,
): Connection | undefined {
  const recvQueue = parseQueue(columns.recvQueue ?? '');
  const sendQueue = parseQueue(columns.sendQueue ?? '');
  if (recvQueue === undefined || sendQueue === undefined) {
    warn('Recv-Q and Send-Q must be decimal numbers below 2^32');
    return undefined;
  }
  const local = readEndpoint(columns.local ?? '');
  const remote = readEndpoint(columns.remote ?? '');
  if (!local || !remote) {
    warn(
      `cannot read the ${local ? 'remote' : 'local'} address ${quote((local ? columns.remote : columns.local) ?? '')}`,
    );
    return undefined;
  }
  const state = stateByName(vocabulary, columns.state);
  if (state === TcpState.UNKNOWN) warn(`unknown state ${quote(columns.state)}`);
  endpointProblems(local, warn);
  endpointProblems(remote, warn);
  return { local, remote, state, rawState: columns.state, recvQueue, sendQueue };
}
