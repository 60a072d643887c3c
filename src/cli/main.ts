/** The `flux` command: dispatches to one module per sub-command and reports errors as one line. */
import { CliError } from './cli-error.ts';
import { cascadeCommand } from './commands/cascade.ts';
import { generateCommand } from './commands/generate.ts';
import { infoCommand } from './commands/info.ts';
import { powerflowCommand } from './commands/powerflow.ts';
import { serveCommand } from './commands/serve.ts';
import { startCommand } from './commands/start.ts';
import { statsCommand } from './commands/stats.ts';
import { predictCommand } from './commands/predict.ts';
import { trainCommand } from './commands/train.ts';
import { evaluateCommand } from './commands/evaluate.ts';
import { sweepCommand } from './commands/sweep.ts';

interface Command {
  summary: string;
  usage: string;
  run(argv: string[]): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  generate: generateCommand,
  info: infoCommand,
  powerflow: powerflowCommand,
  cascade: cascadeCommand,
  sweep: sweepCommand,
  stats: statsCommand,
  train: trainCommand,
  evaluate: evaluateCommand,
  predict: predictCommand,
  serve: serveCommand,
  start: startCommand,
};

function help(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return [
    'flux — Flux Ops Center: grid model, map, cascade analysis and risk for electric utilities',
    '',
    'usage: flux <command> [flags]',
    '',
    'commands:',
    ...lines,
    '',
    "Run 'flux <command> --help' for a command's flags.",
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return 0;
  }
  if (name === '--version') {
    console.log('flux 0.1.0');
    return 0;
  }
  const command = COMMANDS[name];
  try {
    if (!command)
      throw new CliError(`unknown command '${name}' (commands: ${Object.keys(COMMANDS).join(', ')})`);
    if (rest.includes('--help') || rest.includes('-h')) {
      console.log(command.usage);
      return 0;
    }
    return await command.run(rest);
  } catch (err) {
    return reportError(err);
  }
}

function reportError(err: unknown): number {
  const e = err as Error & { exitCode?: number };
  const message = (e?.message ?? String(err)).split('\n')[0];
  console.error(`flux: error: ${message}`);
  if (process.env.FLUX_DEBUG) console.error(e?.stack);
  return e instanceof CliError ? e.exitCode : 1;
}
