import { healthyWebHost } from '../../../test/findings/hosts';
import { TcpState } from '../../states/tcp-state';
import { Direction } from '../../summary/count';
import type { WireListener } from '../../wire/snapshot';
import { FindingRule, type FindingInput } from '../finding';
import { DEFAULT_THRESHOLDS } from '../thresholds';
import { listenBacklogSaturation } from './listen-backlog';

function host(listener: Partial<WireListener>): FindingInput {
  const input = healthyWebHost();
  const java: WireListener = {
    address: '0.0.0.0',
    port: 8080,
    acceptQueue: 0,
    process: 'java',
    pid: 4242,
    ...listener,
  };
  return { ...input, listeners: [...(input.listeners ?? []), java] };
}

describe('LISTEN_BACKLOG_SATURATION', () => {
  it('warns at 80% of the backlog, with the queue, the backlog and the listener', () => {
    const findings = listenBacklogSaturation(host({ acceptQueue: 410, backlog: 511 }), DEFAULT_THRESHOLDS);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: FindingRule.LISTEN_BACKLOG_SATURATION, severity: 'warning' });
    expect(findings[0]?.evidence).toEqual({
      state: TcpState.LISTEN,
      address: '0.0.0.0',
      port: 8080,
      direction: Direction.INBOUND,
      process: 'java',
      pid: 4242,
      count: 410,
      threshold: 409,
      limit: 511,
    });
    expect(findings[0]?.title).toBe(
      'Listener 0.0.0.0:8080 has 410 connections waiting for accept() (80% of its backlog of 511)',
    );
  });

  it('stays silent just under 80%', () => {
    expect(listenBacklogSaturation(host({ acceptQueue: 408, backlog: 511 }), DEFAULT_THRESHOLDS)).toEqual([]);
  });

  it('is critical once the queue reaches the backlog, and past it (the kernel allows one more)', () => {
    for (const acceptQueue of [511, 512]) {
      const [finding] = listenBacklogSaturation(host({ acceptQueue, backlog: 511 }), DEFAULT_THRESHOLDS);
      expect(finding?.severity).toBe('critical');
      expect(finding?.evidence.threshold).toBe(511);
    }
  });

  it('never calls an empty queue saturated, even with a backlog of 0', () => {
    expect(listenBacklogSaturation(host({ acceptQueue: 0, backlog: 0 }), DEFAULT_THRESHOLDS)).toEqual([]);
    const [full] = listenBacklogSaturation(host({ acceptQueue: 1, backlog: 0 }), DEFAULT_THRESHOLDS);
    expect(full?.severity).toBe('critical');
  });

  it('without a backlog, warns only on a long queue', () => {
    const limit = DEFAULT_THRESHOLDS.listenBacklog.queueWithoutBacklog;
    expect(listenBacklogSaturation(host({ acceptQueue: limit - 1 }), DEFAULT_THRESHOLDS)).toEqual([]);
    const [finding] = listenBacklogSaturation(host({ acceptQueue: limit }), DEFAULT_THRESHOLDS);
    expect(finding?.severity).toBe('warning');
    expect(finding?.evidence.limit).toBeUndefined();
    expect(finding?.title).toContain('its backlog is unknown');
  });

  it('writes an IPv6 listener in brackets', () => {
    const [finding] = listenBacklogSaturation(
      host({ address: '::1', acceptQueue: 5, backlog: 4 }),
      DEFAULT_THRESHOLDS,
    );
    expect(finding?.title).toContain('[::1]:8080');
    expect(finding?.evidence.address).toBe('::1');
  });
});
