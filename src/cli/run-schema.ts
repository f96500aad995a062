import compliance from '../../rules/schema/compliance.schema.json' with { type: 'json' };
import input from '../../rules/schema/input.schema.json' with { type: 'json' };
import policy from '../../rules/schema/policy.schema.json' with { type: 'json' };
import { didYouMean } from '../_lib/nearest-name.js';
import { usageError } from './cli-error.js';
import type { Io } from './io.js';
import { parseCommand } from './parse-command.js';

const SCHEMAS = { policy, compliance, input } as const;
const NAMES = Object.keys(SCHEMAS);

/** `arrears schema <policy|compliance|input>`: prints the JSON Schema, as shipped in `rules/schema/`. */
export function runSchema(args: readonly string[], io: Io): number {
  const { positionals } = parseCommand('schema', args, {}, ['<policy|compliance|input>']);
  const name = positionals[0]!;
  if (!Object.hasOwn(SCHEMAS, name)) throw usageError(`unknown schema "${name}"${didYouMean(name, NAMES)}; schemas: ${NAMES.join(', ')}`, 'schema');
  io.stdout(`${JSON.stringify(SCHEMAS[name as keyof typeof SCHEMAS], null, 2)}\n`);
  return 0;
}
