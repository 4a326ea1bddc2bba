import { agentBuilt, AGENT_MAIN } from './agent-process';
import { PG_BIN, postgresInstalled } from './private-postgres';

/**
 * `describe` for suites that need the PostgreSQL server binaries and the built agent. Outside CI a
 * machine without them skips the suite and says why; in CI (CI=true) their absence fails it.
 */
export function describeWithPostgres(name: string, body: () => void): void {
  const missing = [
    ...(postgresInstalled() ? [] : [`the PostgreSQL 15 binaries in ${PG_BIN} (or set TCPFLEET_PG_BIN)`]),
    ...(agentBuilt() ? [] : [`the built agent ${AGENT_MAIN} (run "pnpm run build")`]),
  ];
  if (missing.length === 0) return describe(name, body);
  const why = `${name}: needs ${missing.join(' and ')}`;
  if (process.env.CI === 'true') {
    describe(name, () =>
      it('has what it needs', () => {
        throw new Error(why);
      }),
    );
    return;
  }
  console.warn(`skipped: ${why}`);
  describe.skip(name, body);
}
