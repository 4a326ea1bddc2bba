import { resolveStateName, UnknownStateNameError, type TcpState } from '@tcpfleet/model';
import { DomainError, invalidInput } from '../errors/domain-error';

/**
 * The states a filter means: the enum as given, or every state an OS spelling resolves to (`FIN_WAIT`
 * is both FIN_WAIT states). Null when the filter names no state.
 */
export function statesOf(
  field: string,
  state?: TcpState | null,
  stateName?: string | null,
): TcpState[] | null {
  // GraphQL hands over an explicit null for an argument given as null: the same as leaving it out.
  const given = state ?? null;
  const name = stateName ?? null;
  if (given !== null && name !== null) {
    throw invalidInput([{ field, reason: 'give state or stateName, not both' }]);
  }
  if (name === null) return given === null ? null : [given];
  try {
    return resolveStateName(name);
  } catch (error) {
    if (!(error instanceof UnknownStateNameError)) throw error;
    throw new DomainError(
      'unknown_state',
      error.message,
      [{ field: `${field}.stateName`, reason: 'unknown name' }],
      {
        accepted: error.accepted,
      },
    );
  }
}
