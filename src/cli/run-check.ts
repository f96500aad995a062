import { ACTION_TYPES, check, explain } from '../index.js';
import type { CheckInput } from '../index.js';
import { didYouMean } from '../_lib/nearest-name.js';
import { about, usageError } from './cli-error.js';
import type { Io } from './io.js';
import { parseOptions } from './parse-options.js';
import { readJson, sourceLabel } from './read-json.js';
import { loadResolvedCompliance, readCompliance } from './resolve-compliance.js';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseParams(values: readonly string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const value of values) {
    const equals = value.indexOf('=');
    const key = equals === -1 ? '' : value.slice(0, equals);
    if (key === '') throw usageError(`option "--param" expects key=value, e.g. purpose=reply_to_borrower`, 'check');
    if (Object.hasOwn(params, key)) throw usageError(`option "--param" gives "${key}" twice`, 'check');
    params[key] = value.slice(equals + 1);
  }
  return params;
}

/**
 * The input with its action: `--action` replaces the type of the input's own `action`, and
 * `--param` entries are laid over its params. A non-object input goes through unchanged, for
 * `check` to report.
 */
function withAction(input: unknown, type: string | undefined, params: Record<string, string>): unknown {
  if (!isRecord(input)) return input;
  const own = input['action'];
  if (type === undefined) {
    if (own === undefined) throw usageError('check needs --action <type>, or an `action` in the input', 'check');
    if (Object.keys(params).length === 0 || !isRecord(own)) return input;
  }
  const base = isRecord(own) ? own : {};
  const action: Record<string, unknown> = { ...base, type: type ?? base['type'] };
  if (Object.keys(params).length > 0) action['params'] = { ...(isRecord(base['params']) ? base['params'] : {}), ...params };
  return { ...input, action };
}

/** `arrears check <input.json> --action <type> [--param key=value]… [--compliance <preset-id|file>]… [--role <addressee>]… [--exception <rule-id>]… [--explain]` */
export async function runCheck(args: readonly string[], io: Io): Promise<void> {
  const { values, positional } = parseOptions('check', args, {
    action: { type: 'string' },
    param: { type: 'string', multiple: true },
    compliance: { type: 'string', multiple: true },
    role: { type: 'string', multiple: true },
    exception: { type: 'string', multiple: true },
    explain: { type: 'boolean' },
  });
  const type = values.action;
  if (type !== undefined && !(ACTION_TYPES as readonly string[]).includes(type)) {
    throw usageError(`unknown action "${type}"${didYouMean(type, ACTION_TYPES)}; actions: ${ACTION_TYPES.join(', ')}`, 'check');
  }
  const params = parseParams(values.param ?? []);
  const documents = await readCompliance(values.compliance ?? [], 'check');
  const input = withAction(await readJson(positional, 'input file', 'check'), type, params);
  const now = isRecord(input) ? input['now'] : undefined;
  const compliance = loadResolvedCompliance(documents, { roles: values.role, exceptions: values.exception, now }, 'check');
  const verdict = about(sourceLabel(positional), () => check(input as CheckInput, { compliance }));
  io.stdout(values.explain === true ? `${explain(verdict)}\n` : `${JSON.stringify(verdict, null, 2)}\n`);
}
