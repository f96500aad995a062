/**
 * Runs one finding of test/fuzz/found/ (see found.test.ts). Its own module, so that a child
 * process can run a case that once hung.
 */
import { check, decide, isArrearsValidationError, loadCompliance, loadPolicy, validatePolicy } from '../../../src/index.js';
import type { ComplianceDocument } from '../../../src/index.js';
import { presets } from '../../../src/presets/index.js';
import { defaultPolicyDocument } from '../../properties/arbitraries.js';

/** One finding: the call, its documents and input, and what must happen. */
export interface Found {
  description: string;
  found: string;
  call: 'decide' | 'check' | 'validatePolicy';
  isolate?: boolean;
  compliance?: (string | ComplianceDocument)[];
  policy?: unknown;
  input?: Record<string, unknown>;
  history?: { count: number; everySeconds: number; event: Record<string, unknown> };
  action?: { type: string };
  expect: { withinMs?: number; verdict?: string; success?: boolean; issues?: string[] };
}

/** `{ "repeat": "x", "times": n }` stands for a long string, to keep the files small. */
function expand(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(expand);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record['repeat'] === 'string' && typeof record['times'] === 'number' && Object.keys(record).length === 2) return record['repeat'].repeat(record['times']);
    return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, expand(item)]));
  }
  return value;
}

/** The input of a case, with its generated history: `count` events `everySeconds` apart, ending just before `now`. */
function inputOf(found: Found): Record<string, unknown> {
  const input = expand(found.input) as Record<string, unknown>;
  if (found.history === undefined) return input;
  const now = Date.parse(input['now'] as string);
  const { count, everySeconds, event } = found.history;
  const history = Array.from({ length: count }, (_, i) => ({ ...event, at: new Date(now - (count - i) * everySeconds * 1000).toISOString() }));
  return { ...input, history };
}

const documentsOf = (found: Found) => (found.compliance ?? []).map((item) => (typeof item === 'string' ? (presets as Record<string, ComplianceDocument>)[item]! : item));

/** What a case's call did: how long it took, and what it returned or threw. */
export interface CaseResult {
  ms: number;
  outcome: Record<string, unknown>;
}

/** Runs the case's call in this process: `{ ms, outcome }`. */
export function runCase(found: Found): CaseResult {
  const start = performance.now();
  let outcome: Record<string, unknown>;
  try {
    switch (found.call) {
      case 'validatePolicy':
        outcome = { success: validatePolicy(expand(found.policy)).success };
        break;
      case 'check':
        outcome = { verdict: check({ ...inputOf(found), action: found.action } as never, { compliance: loadCompliance(documentsOf(found)) }).type };
        break;
      case 'decide':
        outcome = { decision: decide(inputOf(found) as never, { policy: loadPolicy(found.policy ?? defaultPolicyDocument), compliance: loadCompliance(documentsOf(found)) }).type };
        break;
    }
  } catch (error) {
    if (!isArrearsValidationError(error)) throw error;
    outcome = { issues: error.issues.map((issue) => `${issue.code} ${issue.path}`) };
  }
  return { ms: performance.now() - start, outcome };
}

