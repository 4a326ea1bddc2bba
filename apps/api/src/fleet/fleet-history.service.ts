import { Injectable } from '@nestjs/common';
import { resolveStateName, TCP_STATES, UnknownStateNameError, type TcpState } from '@tcpfleet/model';
import { DomainError, invalidInput } from '../errors/domain-error';
import type { FleetHistoryArgs } from './fleet-history.args';
import type { FleetHistory } from './fleet-history.model';
import { FleetHistoryRepository } from './fleet-history.repository';

/** As for one host's history: a chart of 2,000 points is more than any screen shows. */
export const MAX_FLEET_HISTORY_POINTS = 2000;
/** The direction fleet_totals stores for both directions together. */
const BOTH_DIRECTIONS = 'ANY';

@Injectable()
export class FleetHistoryService {
  constructor(private readonly history: FleetHistoryRepository) {}

  /** Points per step of the fleet's rollups in [from, to): hosts reporting and sockets per state. */
  async read(args: FleetHistoryArgs, now = new Date()): Promise<FleetHistory> {
    const to = args.to ?? now;
    const from = args.from ?? new Date(to.getTime() - 3_600_000);
    if (from >= to) throw invalidInput([{ field: 'from', reason: 'must be before to' }]);
    if ((to.getTime() - from.getTime()) / 1000 / args.stepSeconds > MAX_FLEET_HISTORY_POINTS) {
      throw invalidInput([
        {
          field: 'stepSeconds',
          reason: `gives more than ${MAX_FLEET_HISTORY_POINTS} points from ${from.toISOString()} to ${to.toISOString()}; widen the step`,
        },
      ]);
    }
    const states = statesOf(args.states, args.stateNames);
    const query = {
      from,
      to,
      stepSeconds: args.stepSeconds,
      states,
      direction: args.direction ?? BOTH_DIRECTIONS,
    };
    const [reporting, rows] = await Promise.all([this.history.reporting(query), this.history.states(query)]);
    const byState = new Map<string, FleetHistory['states'][number]['points']>();
    for (const { state, ...point } of rows) {
      const points = byState.get(state) ?? [];
      points.push(point);
      byState.set(state, points);
    }
    return {
      from,
      to,
      stepSeconds: args.stepSeconds,
      reporting,
      states: TCP_STATES.filter((state) => byState.has(state) || states?.includes(state)).map((state) => ({
        state,
        points: byState.get(state) ?? [],
      })),
    };
  }
}

/** The states asked for, once each; null when neither argument names any (every state seen). */
function statesOf(
  givenStates: TcpState[] | undefined | null,
  givenNames: string[] | undefined | null,
): TcpState[] | null {
  // GraphQL hands over an explicit null for an argument given as null: the same as leaving it out.
  const states = givenStates ?? null;
  const names = givenNames ?? null;
  if (states !== null && names !== null)
    throw invalidInput([{ field: 'stateNames', reason: 'give states or stateNames, not both' }]);
  if (states !== null) return [...new Set(states)];
  if (names === null) return null;
  const resolved = new Set<TcpState>();
  names.forEach((name, index) => {
    try {
      for (const state of resolveStateName(name)) resolved.add(state);
    } catch (error) {
      if (!(error instanceof UnknownStateNameError)) throw error;
      throw new DomainError(
        'unknown_state',
        error.message,
        [{ field: `stateNames.${index}`, reason: 'unknown name' }],
        {
          accepted: error.accepted,
        },
      );
    }
  });
  return [...resolved];
}
