import { parseArgs, type ParseArgsConfig } from 'node:util';
import { nearestName } from '../_lib/nearest-name.js';
import { usageError } from './cli-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Whether the arguments ask for help (before a `--`). */
export function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '-h' || arg === '--help');
}

/**
 * `parseArgs` in strict mode, with its errors turned into one-line usage errors. Exactly one
 * positional argument is expected: the input file.
 */
export function parseOptions<T extends Options>(command: string, args: readonly string[], options: T) {
  const parsed = strictParse(command, args, options);
  const [first, ...extra] = parsed.positionals;
  if (first === undefined) throw usageError(`${command} needs an input file (or - for standard input)`, command);
  if (extra[0] !== undefined) throw usageError(`unexpected argument "${extra[0]}": ${command} takes one input file`, command);
  return { values: parsed.values, positional: first };
}

/** `parseArgs` in strict mode with positionals allowed; its errors become one-line usage errors of `command`. */
export function strictParse<T extends Options>(command: string, args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw usageError(parseArgsMessage(error, Object.keys(options)), command);
  }
}

function parseArgsMessage(error: unknown, known: readonly string[]): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  const option = /'(-[^' ]*)/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const nearest = option.startsWith('--') ? nearestName(option.slice(2), known) : undefined;
      return `unknown option "${option}"${nearest === undefined ? '' : ` (did you mean "--${nearest}"?)`}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return message.includes('does not take an argument') ? `option "${option}" takes no value` : `option "${option}" needs a value`;
    default:
      return message;
  }
}
