import { release } from 'node:os';
import {
  DEFAULT_EPHEMERAL_RANGES,
  foldCounts,
  SNAPSHOT_VERSION,
  type EnrollRequest,
  type OsName,
  type SnapshotV1,
} from '@tcpfleet/model';
import type { CollectorOptions, HostInfo, Platform, SocketCollector } from '../collect/collector';
import { timed, type Outcome } from '../collect/timed';
import { reason } from '../errors';
import { AGENT_VERSION } from '../version';
import { countTable } from './counts';
import { tableListeners } from './listeners';
import { uuidv7 } from './uuidv7';
import { socketList, wireWarnings } from './wire';

export interface SnapshotSource {
  os: OsName;
  platform: Platform;
  options: CollectorOptions;
  hostname: string;
  labels: Record<string, string>;
  maxSockets: number;
  newId?: () => string;
}

/** Collects once and assembles a snapshot; created once per process so collectors keep caches. */
export class SnapshotTaker {
  private readonly collector: SocketCollector;

  constructor(private readonly source: SnapshotSource) {
    this.collector = source.platform.sockets(source.options);
  }

  get hostname(): string {
    return this.source.hostname;
  }

  /** The enrolment request for this host: its name and, when readable, its machine id. */
  async enrollRequest(): Promise<EnrollRequest> {
    const host = await timed(() => this.source.platform.host(this.source.options));
    const machineId = host.ok ? host.value.machineId : undefined;
    return machineId === undefined
      ? { hostname: this.source.hostname }
      : { hostname: this.source.hostname, machineId };
  }

  /** Fails only when the sockets themselves cannot be read: zeros would be a lie. */
  async take(spoolDropped = 0): Promise<SnapshotV1> {
    const { source } = this;
    const collectedAt = new Date().toISOString();
    const [sockets, range, host] = await Promise.all([
      timed(() => this.collector.collect()),
      timed(() => source.platform.ephemeralRange(source.options)),
      timed(() => source.platform.host(source.options)),
    ]);
    this.log('sockets', sockets);
    if (!sockets.ok) throw new Error(`cannot read the socket table: ${reason(sockets.error)}`);
    const warnings = [...sockets.value.warnings];
    const ephemeralPortRange = this.orDefault(
      'ephemeral port range',
      range,
      DEFAULT_EPHEMERAL_RANGES[source.os],
      warnings,
    );
    const hostInfo = this.orDefault<HostInfo>('host facts', host, { osVersion: release() }, warnings);
    const { source: format, sockets: table, backlogs } = sockets.value;
    const list = socketList(table, source.maxSockets);
    const { counts: allCounts, destinations } = countTable(table, ephemeralPortRange);
    const { counts, folded } = foldCounts(allCounts);
    if (folded > 0) warnings.push(`${folded} count rows folded into port 0 to stay within the wire limit`);
    return {
      version: SNAPSHOT_VERSION,
      id: (source.newId ?? uuidv7)(),
      collectedAt,
      host: {
        hostname: source.hostname,
        os: source.os,
        osVersion: hostInfo.osVersion,
        ...(hostInfo.machineId ? { machineId: hostInfo.machineId } : {}),
        agentVersion: AGENT_VERSION,
        labels: source.labels,
        ephemeralPortRange,
      },
      collector: {
        source: format,
        // Whole milliseconds, as the wire format asks; the collectors ran side by side.
        durationMs: Math.round(Math.max(sockets.durationMs, range.durationMs, host.durationMs)),
        socketCount: table.size,
        truncated: list.truncated,
        attribution: sockets.value.attribution,
        spoolDropped,
        warnings: wireWarnings(warnings),
      },
      counts,
      sockets: list.sockets,
      listeners: tableListeners(table, format, backlogs),
      destinations,
    };
  }

  private orDefault<T>(name: string, outcome: Outcome<T>, otherwise: T, warnings: string[]): T {
    this.log(name, outcome);
    if (outcome.ok) return outcome.value;
    warnings.push(`${name}: ${reason(outcome.error)}`);
    return otherwise;
  }

  private log(name: string, outcome: Outcome<unknown>): void {
    const fields = { collector: name, durationMs: Math.round(outcome.durationMs * 100) / 100 };
    if (outcome.ok) this.source.options.log.debug('collector done', fields);
    else this.source.options.log.warn('collector failed', { ...fields, error: reason(outcome.error) });
  }
}
