import type { ParseArgsConfig } from 'node:util';
import { usageError } from './cli-error.js';
import { strictParse } from './parse-options.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `parseArgs` in strict mode for the toolkit commands (`lint`, `schema`, `diff`, `simulate`),
 * with its errors as one-line usage errors, and exactly the named positional arguments.
 * @param positionals - How each expected positional argument is named in messages (`<policy.json>`).
 */
export function parseCommand<T extends Options>(command: string, args: readonly string[], options: T, positionals: readonly string[]) {
  const parsed = strictParse(command, args, options);
  const given = parsed.positionals;
  if (given.length < positionals.length) throw usageError(`${command} needs ${positionals.slice(given.length).join(' and ')}`, command);
  if (given.length > positionals.length) {
    const takes = positionals.length === 0 ? 'takes no arguments, only options' : `takes ${positionals.join(' ')}`;
    throw usageError(`unexpected argument "${given[positionals.length]!}": ${command} ${takes}`, command);
  }
  return { values: parsed.values, positionals: given };
}

/** A whole number from an option, or a usage error naming the option. */
export function integerOption(command: string, name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!/^-?\d+$/.test(value) || number < min || number > max) throw usageError(`option "--${name}" must be a whole number from ${min} to ${max}, not "${value}"`, command);
  return number;
}
