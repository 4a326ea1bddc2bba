import { EXIT, type Command, type Io } from './cli/command';
import { parseArgs, UsageError } from './cli/flags';
import { commandHelp, mainHelp } from './cli/help';
import { enrollCommand } from './commands/enroll';
import { onceCommand } from './commands/once';
import { parseCommand } from './commands/parse';
import { runCommand } from './commands/run';
import { SettingError } from './config/load';
import { reason } from './errors';
import { AGENT_VERSION } from './version';

export const COMMANDS: readonly Command[] = [parseCommand, onceCommand, runCommand, enrollCommand];

/** Runs the command line and gives the exit code; nothing here calls process.exit. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(mainHelp(COMMANDS));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version') {
    io.stdout.write(`${AGENT_VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(
      `tcpfleet-agent: unknown command "${name}"; commands: ${COMMANDS.map((c) => c.name).join(', ')}\n`,
    );
    return EXIT.usage;
  }
  try {
    const args = parseArgs(rest, { ...command.flags, help: { kind: 'boolean', help: 'show this help' } });
    if (args.flags.help === true) {
      io.stdout.write(commandHelp(command));
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`tcpfleet-agent ${name}: ${error.message}\nUsage: tcpfleet-agent ${command.usage}\n`);
      return EXIT.usage;
    }
    if (error instanceof SettingError) {
      io.stderr.write(`tcpfleet-agent ${name}: ${error.message}\n`);
      return EXIT.config;
    }
    io.stderr.write(`tcpfleet-agent ${name}: ${reason(error)}\n`);
    return EXIT.failure;
  }
}
