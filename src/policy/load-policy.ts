import type { ActionType, LegalStep, Purpose, Recipient } from '../domain/vocabulary.js';
import { ArrearsValidationError, isArrearsValidationError, type Issue } from '../errors.js';
import { ATTRIBUTE_PREFIX, FACT_CATALOG, findFact, type FactDefinition } from '../facts/catalog.js';
import { deepFreeze } from '../_lib/deep-freeze.js';
import { formatPath } from '../_lib/format-path.js';
import { hashDocument } from '../_lib/hash.js';
import { didYouMean } from '../_lib/nearest-name.js';
import { codegenBackend, canGenerateCode } from './codegen-backend.js';
import { attachCompiled, closureBackend, compilePolicy, type CompiledPolicy } from './compile-policy.js';
import { isOperatorName, OPERATOR_NAMES, OPERATORS } from './operators.js';
import { describeValue, isFactReference, parsePolicyStructure, type JsonScalar, type LeafCondition, type RuleDocument } from './policy-schema.js';

/**
 * Parameters of a `candidate` event: the action to propose and its rank (lower is preferred;
 * ties break by rule name). Every other param is kept unchanged and travels with the action.
 * @category Policy
 */
export interface CandidateParams {
  action: ActionType;
  rank: number;
  /** Why the action is taken; `collection` when absent. */
  purpose?: Purpose;
  /** The number or e-mail address to use; without one the guard assumes any address (stricter). */
  address?: string;
  /** The legal step of a `legal` action; without one the action could be any step (stricter). */
  step?: LegalStep;
  /** Whom the contact is with; `borrower` when absent. `third_party` actions are judged by `third-party` rules. */
  recipient?: Recipient;
  /** The contact person of a `third_party` action; without one every contact person's history counts. */
  contactId?: string;
  [key: string]: unknown;
}

/**
 * Parameters of a `hold` event: "do nothing for now" (while a promise to pay is active, say),
 * outranking candidates with a higher `rank`. Every other param is kept unchanged.
 * @category Policy
 */
export interface HoldParams {
  rank: number;
  [key: string]: unknown;
}

/**
 * What a rule does when its conditions hold: propose a `candidate` action or `hold`.
 * @category Policy
 */
export type PolicyEvent = { type: 'candidate'; params: CandidateParams } | { type: 'hold'; params: HoldParams };

/**
 * One rule of a loaded policy: json-rules-engine rule JSON, validated and deep-frozen.
 * @category Policy
 */
export interface PolicyRule {
  /** Unique within the policy; names the rule in actions and traces. */
  name: string;
  /** The validated json-rules-engine condition tree (`all`, `any`, `not` and `{ fact, operator, value }` leaves). */
  conditions: unknown;
  event: PolicyEvent;
  /** json-rules-engine's rule priority, accepted for portability; it has no effect on results. */
  priority?: number;
}

/**
 * A loaded, validated policy. Immutable; share it freely, including between concurrent decisions.
 * It carries a compiled evaluator that {@link evaluatePolicy} uses, so pass the object itself
 * (a spread or JSON copy is recompiled on first use).
 * @category Policy
 */
export interface Policy {
  /** `sha256:…` of the canonical JSON (sorted keys) of the rules as given, stamped on every decision. */
  readonly hash: string;
  /** Deep-frozen copies of the rules, in document order (never the caller's objects). */
  readonly rules: readonly PolicyRule[];
  /** Facts the rules read, in fact-catalog order, then `attributes.*` sorted. */
  readonly facts: readonly string[];
  /** The evaluator chosen by `LoadPolicyOptions.evaluator`: `codegen` (generated code) or `closures`. */
  readonly evaluator: 'codegen' | 'closures';
}

/**
 * Options of {@link loadPolicy} and {@link validatePolicy}.
 * @category Policy
 */
export interface LoadPolicyOptions {
  /**
   * How the policy is evaluated. `codegen` compiles the rules into generated JavaScript with
   * `new Function` (the fastest); `closures` into nested closures, with no code generation, for
   * a strict Content Security Policy or edge runtimes that forbid `new Function`; `auto` uses
   * generated code where `new Function` works and closures where it throws. Both give the same
   * results. `codegen` throws `INVALID_OPTIONS` where code generation is not allowed.
   * @default 'auto'
   */
  evaluator?: 'auto' | 'codegen' | 'closures' | undefined;
}

const EVALUATORS = ['auto', 'codegen', 'closures'] as const;

/** The options' issues, if any. */
function optionIssues(options: unknown): Issue[] {
  if (options === undefined) return [];
  if (typeof options !== 'object' || options === null) return [{ code: 'invalid_type', path: 'options', message: `Expected options: an object, found ${describeValue(options)}` }];
  const evaluator = (options as Record<string, unknown>)['evaluator'];
  if (evaluator === undefined || (EVALUATORS as readonly unknown[]).includes(evaluator)) return [];
  return [{ code: 'invalid_value', path: 'evaluator', message: 'Expected `evaluator` to be "auto", "codegen" or "closures"' }];
}

/** Compiles with the backend the options ask for; `auto` falls back to closures where code generation fails. */
function compileWith(rules: readonly RuleDocument[], facts: readonly string[], evaluator: LoadPolicyOptions['evaluator']): CompiledPolicy {
  if (evaluator === 'closures') return compilePolicy(rules, facts, closureBackend);
  if (evaluator === 'codegen') {
    try {
      return compilePolicy(rules, facts, codegenBackend);
    } catch (error) {
      if (canGenerateCode()) throw error;
      throw new ArrearsValidationError('options', [
        { code: 'unsupported_feature', path: 'evaluator', message: 'Expected a runtime that allows `new Function` for `evaluator: "codegen"`; use "auto" or "closures" here' },
      ]);
    }
  }
  if (canGenerateCode()) {
    try {
      return compilePolicy(rules, facts, codegenBackend);
    } catch {
      // A runtime that allowed the probe but not this code: the closures give the same results.
    }
  }
  return compilePolicy(rules, facts, closureBackend);
}

const factNames = (): string[] => FACT_CATALOG.map((fact) => fact.name);

function push(issues: Issue[], code: string, path: readonly PropertyKey[], message: string): void {
  issues.push({ code, path: formatPath(path), message });
}

function unknownFact(name: string): string {
  if (name === ATTRIBUTE_PREFIX) return `Unknown fact "${name}" (name the attribute: "${ATTRIBUTE_PREFIX}<key>")`;
  return `Unknown fact "${name}"${didYouMean(name, factNames())}`;
}

function typeWords(fact: FactDefinition): string {
  return fact.type === 'any' ? 'a lender attribute' : `a ${fact.type}`;
}

function expectedWords(fact: FactDefinition): string {
  const base = fact.type === 'any' ? 'a number, string or boolean' : `a ${fact.type}`;
  return fact.nullable ? `${base} or null` : base;
}

function acceptsLiteral(fact: FactDefinition, value: JsonScalar): boolean {
  if (value === null) return fact.nullable;
  return fact.type === 'any' || typeof value === fact.type;
}

function comparable(a: FactDefinition, b: FactDefinition): boolean {
  return a.type === 'any' || b.type === 'any' || a.type === b.type;
}

const isNumberLike = (fact: FactDefinition): boolean => fact.type === 'number' || fact.type === 'any';

/** Checks a leaf against the fact catalog and the operator whitelist, with type checks. */
function checkLeaf(leaf: LeafCondition, path: readonly PropertyKey[], issues: Issue[]): void {
  const fact = findFact(leaf.fact);
  if (!fact) push(issues, 'unknown_fact', [...path, 'fact'], unknownFact(leaf.fact));
  const { operator } = leaf;
  const known = isOperatorName(operator);
  if (!known) {
    if (operator.includes(':')) {
      const hint = operator.startsWith('not:') ? ' (wrap the comparison in a `not` condition instead)' : '';
      push(issues, 'unknown_operator', [...path, 'operator'], `Unknown operator "${operator}": operator decorators are not supported${hint}`);
    } else {
      push(issues, 'unknown_operator', [...path, 'operator'], `Unknown operator "${operator}"${didYouMean(operator, OPERATOR_NAMES)}`);
    }
  }
  const { value } = leaf;
  const reference = isFactReference(value) ? findFact(value.fact) : undefined;
  if (isFactReference(value) && !reference) push(issues, 'unknown_fact', [...path, 'value', 'fact'], unknownFact(value.fact));
  if (!known || !fact || (isFactReference(value) && !reference)) return;

  const name = `"${leaf.fact}"`;
  const mismatch = (at: readonly PropertyKey[], message: string) => push(issues, 'invalid_fact_type', at, message);
  const literal = (found: JsonScalar, at: readonly PropertyKey[]) => {
    if (!acceptsLiteral(fact, found)) mismatch(at, `Expected ${expectedWords(fact)} to compare ${name} with, found ${describeValue(found)}`);
  };
  const referenced = (other: FactDefinition, at: readonly PropertyKey[]) => {
    if (!comparable(fact, other)) mismatch(at, `Cannot compare ${name} (${typeWords(fact)}) with "${other.name}" (${typeWords(other)})`);
  };

  switch (OPERATORS[operator].kind) {
    case 'equality':
      if (reference) referenced(reference, [...path, 'value', 'fact']);
      else if (Array.isArray(value)) mismatch([...path, 'value'], `Operator "${operator}" compares with a single value, found an array (use "${operator === 'equal' ? 'in' : 'notIn'}")`);
      else literal(value as JsonScalar, [...path, 'value']);
      return;
    case 'membership':
      if (!Array.isArray(value)) {
        const found = reference ? 'a fact reference (no fact is a list)' : describeValue(value);
        mismatch([...path, 'value'], `Operator "${operator}" needs a list value, found ${found}`);
      } else (value as readonly JsonScalar[]).forEach((item, i) => literal(item, [...path, 'value', i]));
      return;
    case 'containment':
      mismatch(
        [...path, 'operator'],
        `Operator "${operator}" needs a list fact, but ${name} is ${typeWords(fact)} (no fact in the catalog is a list; use "${operator === 'contains' ? 'in' : 'notIn'}")`,
      );
      return;
    case 'numeric':
      if (!isNumberLike(fact)) {
        mismatch([...path, 'operator'], `Operator "${operator}" compares numbers, but ${name} is ${typeWords(fact)}`);
        return;
      }
      if (reference) {
        if (!isNumberLike(reference)) mismatch([...path, 'value', 'fact'], `Operator "${operator}" compares numbers, but "${reference.name}" is ${typeWords(reference)}`);
      } else if (Array.isArray(value) || typeof value !== 'number') {
        mismatch([...path, 'value'], `Expected a number to compare ${name} with, found ${describeValue(value)}`);
      }
      return;
  }
}

/** Every fact a rule reads, in catalog order, then `attributes.*` sorted. */
function factsRead(rules: readonly RuleDocument[]): string[] {
  const seen = new Set<string>();
  const visit = (node: unknown): void => {
    const record = node as Record<string, unknown>;
    for (const key of ['all', 'any'] as const) {
      const children = record[key];
      if (Array.isArray(children)) children.forEach(visit);
    }
    if (record['not'] !== undefined) visit(record['not']);
    if (typeof record['fact'] === 'string') {
      seen.add(record['fact']);
      const value = record['value'] as LeafCondition['value'];
      if (isFactReference(value)) seen.add(value.fact);
    }
  };
  rules.forEach((rule) => visit(rule.conditions));
  const catalog = factNames().filter((name) => seen.has(name));
  const attributes = [...seen].filter((name) => name.startsWith(ATTRIBUTE_PREFIX)).sort();
  return [...catalog, ...attributes];
}

/**
 * Validates a policy document and loads it, returning the issues instead of throwing (for
 * editors, CI and linting); the checks are those of {@link loadPolicy}.
 * @param document - `{ "rules": [...] }` or a bare array of json-rules-engine rules, as parsed JSON.
 * @param options - {@link LoadPolicyOptions}: which evaluator to compile.
 * @returns `{ success: true, data }` with the loaded {@link Policy}, or `{ success: false, issues }`
 *   listing every issue found, each with its path (`rules[3].conditions.all[0].fact`).
 * @throws Never: bad data of any kind (even getters that throw) comes back as issues.
 * @category Policy
 */
export function validatePolicy(document: unknown, options?: LoadPolicyOptions): { success: true; data: Policy } | { success: false; issues: Issue[] } {
  const result = load(document, options);
  return result.success ? result : { success: false, issues: result.issues };
}

/** Validates and loads; a failure says which document it is about (the policy, or the options). */
function load(
  document: unknown,
  options: LoadPolicyOptions | undefined,
): { success: true; data: Policy } | { success: false; document: 'policy' | 'options'; issues: Issue[] } {
  const problems = optionIssues(options);
  if (problems.length > 0) return { success: false, document: 'options', issues: problems };
  const names = new Map<string, string>();
  const { rules, issues } = parsePolicyStructure(document, {
    ruleName(name, path, list) {
      const first = names.get(name);
      if (first === undefined) names.set(name, formatPath(path.slice(0, -1)));
      else push(list, 'duplicate_rule_name', path, `Duplicate rule name "${name}" (also ${first}); rule names must be unique`);
    },
    leaf: checkLeaf,
  });
  if (issues.length > 0) return { success: false, document: 'policy', issues };

  const frozen = deepFreeze(rules);
  const facts = Object.freeze(factsRead(frozen));
  let compiled: CompiledPolicy;
  try {
    compiled = compileWith(frozen, facts, options?.evaluator);
  } catch (error) {
    if (isArrearsValidationError(error)) return { success: false, document: 'options', issues: [...error.issues] };
    throw error;
  }
  const policy: Policy = Object.freeze({
    hash: hashDocument(frozen),
    rules: frozen as readonly PolicyRule[],
    facts,
    evaluator: compiled.backend,
  });
  attachCompiled(policy, compiled);
  return { success: true, data: policy };
}

/**
 * Loads a lender policy: validates its structure, checks every fact against the fact catalog and
 * every operator against the whitelist (with types), hashes it and compiles a synchronous evaluator:
 * generated code where `new Function` is allowed, closures elsewhere (see {@link LoadPolicyOptions}).
 * @param document - `{ "rules": [...] }` or a bare array of json-rules-engine rules, as parsed JSON.
 *   It is copied, never mutated; changing it later does not change the policy.
 * @param options - {@link LoadPolicyOptions}: which evaluator to compile (default `auto`).
 * @returns The loaded {@link Policy}, to pass to `decide` or {@link evaluatePolicy}.
 * @throws {@link ArrearsValidationError} (`INVALID_POLICY`, `document: 'policy'`) listing every issue
 *   with its path; (`INVALID_OPTIONS`) for an unknown `evaluator`, or `codegen` where `new Function` is not allowed.
 * @example
 * ```ts
 * import { loadPolicy } from 'arrears';
 *
 * const policy = loadPolicy({
 *   rules: [
 *     {
 *       name: 'early-sms',
 *       conditions: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 1 }] },
 *       event: { type: 'candidate', params: { action: 'sms', rank: 10 } },
 *     },
 *   ],
 * });
 * policy.hash; // 'sha256:…'
 * ```
 * @category Policy
 */
export function loadPolicy(document: unknown, options?: LoadPolicyOptions): Policy {
  const result = load(document, options);
  if (!result.success) throw new ArrearsValidationError(result.document, result.issues);
  return result.data;
}
