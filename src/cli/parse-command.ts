import { parseArgs, type ParseArgsConfig } from 'node:util';
import { nearestName } from '../_lib/nearest-name.js';
import { usageError } from './cli-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `parseArgs` in strict mode for the toolkit commands (`lint`, `schema`, `diff`, `simulate`),
 * with its errors as one-line usage errors, and exactly the named positional arguments.
 * @param positionals - How each expected positional argument is named in messages (`<policy.json>`).
 */
export function parseCommand<T extends Options>(command: string, args: readonly string[], options: T, positionals: readonly string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw usageError(describeParseError(error, Object.keys(options)), command);
  }
  const given = parsed.positionals;
  if (given.length < positionals.length) throw usageError(`${command} needs ${positionals.slice(given.length).join(' and ')}`, command);
  if (given.length > positionals.length) {
    const takes = positionals.length === 0 ? 'takes no arguments, only options' : `takes ${positionals.join(' ')}`;
    throw usageError(`unexpected argument "${given[positionals.length]!}": ${command} ${takes}`, command);
  }
  return { values: parsed.values, positionals: given };
}

function describeParseError(error: unknown, known: readonly string[]): string {
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

/** A whole number from an option, or a usage error naming the option. */
export function integerOption(command: string, name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!/^-?\d+$/.test(value) || number < min || number > max) throw usageError(`option "--${name}" must be a whole number from ${min} to ${max}, not "${value}"`, command);
  return number;
}
