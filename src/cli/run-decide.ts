import defaultPolicyDocument from '../../rules/policies/default.json' with { type: 'json' };
import { decide, explain, loadPolicy } from '../index.js';
import type { DecisionInput, Policy } from '../index.js';
import { about, usageError } from './cli-error.js';
import type { Io } from './io.js';
import { parseOptions } from './parse-options.js';
import { readJson, sourceLabel } from './read-json.js';
import { loadResolvedCompliance, readCompliance } from './resolve-compliance.js';

async function readPolicy(path: string | undefined): Promise<Policy> {
  if (path === undefined) return about('bundled default policy', () => loadPolicy(defaultPolicyDocument));
  const document = await readJson(path, 'policy file', 'decide');
  return about(sourceLabel(path), () => loadPolicy(document));
}

/** `arrears decide <input.json> [--policy <file>] [--compliance <preset-id|file>]… [--role <addressee>]… [--exception <rule-id>]… [--trace full] [--explain]` */
export async function runDecide(args: readonly string[], io: Io): Promise<void> {
  const { values, positional } = parseOptions('decide', args, {
    policy: { type: 'string' },
    compliance: { type: 'string', multiple: true },
    role: { type: 'string', multiple: true },
    exception: { type: 'string', multiple: true },
    trace: { type: 'string' },
    explain: { type: 'boolean' },
  });
  const trace = values.trace;
  if (trace !== undefined && trace !== 'summary' && trace !== 'full') {
    throw usageError(`option "--trace" must be "summary" or "full", not "${trace}"`, 'decide');
  }
  const documents = await readCompliance(values.compliance ?? [], 'decide');
  const policy = await readPolicy(values.policy);
  const input = await readJson(positional, 'input file', 'decide');
  const now = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)['now'] : undefined;
  const compliance = loadResolvedCompliance(documents, { roles: values.role, exceptions: values.exception, now }, 'decide');
  const decision = about(sourceLabel(positional), () => decide(input as DecisionInput, { policy, compliance, trace }));
  io.stdout(values.explain === true ? `${explain(decision)}\n` : `${JSON.stringify(decision, null, 2)}\n`);
}
