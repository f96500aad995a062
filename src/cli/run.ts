import { isArrearsValidationError, VERSION } from '../index.js';
import { presetIds, presets } from '../presets/index.js';
import { didYouMean } from '../_lib/nearest-name.js';
import { CliError, usageError } from './cli-error.js';
import { HELP, helpHint, type HelpTopic } from './help.js';
import type { Io } from './io.js';
import { wantsHelp } from './parse-options.js';

const COMMANDS = ['decide', 'check', 'presets', 'lint', 'schema', 'diff', 'simulate', 'batch', 'help'] as const;
type Command = (typeof COMMANDS)[number];

function runPresets(args: readonly string[], io: Io): void {
  const extra = args[0];
  if (extra !== undefined) throw usageError(extra.startsWith('-') ? `unknown option "${extra}"` : `unexpected argument "${extra}": presets takes none`, 'presets');
  const width = Math.max(...presetIds.map((id) => id.length)) + 2;
  io.stdout(presetIds.map((id) => `${id.padEnd(width)}${presets[id].title}\n`).join(''));
}

function runHelp(args: readonly string[], io: Io): void {
  const [topic, extra] = args;
  if (topic === undefined) {
    io.stdout(HELP.global);
    return;
  }
  if (topic === 'global' || !Object.hasOwn(HELP, topic)) throw usageError(`no help for "${topic}"${didYouMean(topic, COMMANDS)}`);
  if (extra !== undefined) throw usageError(`unexpected argument "${extra}": help takes one command`);
  io.stdout(HELP[topic as HelpTopic]);
}

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...args] = argv;
  if (first === undefined) {
    io.stderr(HELP.global);
    return 1;
  }
  if (first === '-h' || first === '--help') {
    io.stdout(HELP.global);
    return 0;
  }
  if (first === '-v' || first === '--version') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (first.startsWith('-')) throw usageError(`unknown option "${first}"; a command comes first`);
  if (!(COMMANDS as readonly string[]).includes(first)) {
    throw usageError(`unknown command "${first}"${didYouMean(first, COMMANDS)}; commands: ${COMMANDS.filter((c) => c !== 'help').join(', ')}`);
  }
  const command = first as Command;
  if (command !== 'help' && wantsHelp(args)) {
    io.stdout(HELP[command]);
    return 0;
  }
  // Each command's module, and the dependencies only it needs (date-holidays, json-rules-engine,
  // piscina, cli-progress), is loaded when the command runs: imported up front, they cost every
  // command a third of a second, `arrears --help` included.
  switch (command) {
    case 'decide':
      await (await import('./run-decide.js')).runDecide(args, io);
      break;
    case 'check':
      await (await import('./run-check.js')).runCheck(args, io);
      break;
    case 'presets':
      runPresets(args, io);
      break;
    case 'lint':
      return await (await import('./run-lint.js')).runLint(args, io);
    case 'schema':
      return (await import('./run-schema.js')).runSchema(args, io);
    case 'diff':
      return await (await import('./run-diff.js')).runDiff(args, io);
    case 'simulate':
      return await (await import('./run-simulate.js')).runSimulate(args, io);
    case 'batch':
      return await (await import('./run-batch.js')).runBatch(args, io);
    case 'help':
      runHelp(args, io);
      break;
  }
  return 0;
}

/**
 * Runs the CLI on `argv` (without `node` and the script) and returns the exit status: 0 a
 * result was printed, 2 invalid input or documents, 1 anything else. Never throws.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(error.exitCode === 2 ? `${error.message}\n` : `arrears: ${error.message}\n${helpHint(error.command)}\n`);
      return error.exitCode;
    }
    // The library's own checks normally run behind `about`; this is the safety net.
    if (isArrearsValidationError(error)) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    io.stderr(`arrears: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
