import { describeFlags } from './flags';
import type { Command } from './command';

export function commandHelp(command: Command): string {
  const lines = [`Usage: tcpfleet-agent ${command.usage}`, '', command.summary];
  if (command.details) lines.push('', command.details);
  lines.push(
    '',
    'Options:',
    describeFlags({ ...command.flags, help: { kind: 'boolean', help: 'show this help' } }),
  );
  return `${lines.join('\n')}\n`;
}

export function mainHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    'Usage: tcpfleet-agent COMMAND [OPTIONS]',
    '',
    'Reads the TCP socket table of this host, summarises it and pushes snapshots to a tcpfleet API.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Run "tcpfleet-agent COMMAND --help" for the options of one command.',
    '',
  ].join('\n');
}
