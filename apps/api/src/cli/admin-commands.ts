import { parseArgs } from 'node:util';
import type { Config } from '../config/config';
import { adminClient, type AdminClient, type KeyView } from './admin-client';

export class UsageError extends Error {}

export const ADMIN_USAGE = `  key create --name NAME [--role admin|reader]   create an API key; prints the key once
  key list                                       list API keys
  key revoke ID                                  revoke an API key
  host-token revoke HOSTNAME                     revoke every token of a host
  (add --json for JSON output)`;

type Action = (client: AdminClient, json: boolean) => Promise<void>;

function table(keys: KeyView[]): string {
  const lines = keys.map((k) =>
    [k.id, k.role.padEnd(6), k.revokedAt ? 'revoked' : 'active ', k.createdAt, k.name].join('  '),
  );
  return lines.length > 0 ? lines.join('\n') : 'no API keys';
}

function actionOf(words: string[], values: { name?: string; role?: string }): Action {
  const [noun, verb, target] = words;
  const command = `${noun ?? ''} ${verb ?? ''}`.trim();
  switch (command) {
    case 'key create':
      if (!values.name) throw new UsageError('key create needs --name NAME');
      return async (client, json) => {
        const created = await client.createKey(values.name ?? '', values.role ?? 'admin');
        if (json) return void console.log(JSON.stringify(created));
        console.error(
          `created ${created.role} key ${created.id} (${created.name}) through ${client.via}; it is shown once:`,
        );
        console.log(created.key);
      };
    case 'key list':
      return async (client, json) => {
        const keys = await client.listKeys();
        console.log(json ? JSON.stringify(keys) : table(keys));
      };
    case 'key revoke':
      if (!target) throw new UsageError('key revoke needs the key id (see key list)');
      return async (client, json) => {
        await client.revokeKey(target);
        console.log(json ? JSON.stringify({ revoked: target }) : `revoked key ${target}`);
      };
    case 'host-token revoke':
      if (!target) throw new UsageError('host-token revoke needs a hostname');
      return async (client, json) => {
        const revoked = await client.revokeTokens(target);
        console.log(
          json ? JSON.stringify({ hostname: target, revoked }) : `revoked ${revoked} token(s) of ${target}`,
        );
      };
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** `key ...` and `host-token ...`: parsed first, so a typo never touches the database. */
export async function runAdminCommand(args: string[], config: () => Config): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { name: { type: 'string' }, role: { type: 'string' }, json: { type: 'boolean' } },
  });
  const action = actionOf(positionals, values);
  const client = await adminClient(config());
  try {
    await action(client, values.json ?? false);
  } finally {
    await client.close();
  }
}
