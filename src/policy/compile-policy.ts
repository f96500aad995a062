/**
 * Compiles validated policy rules into synchronous predicates with json-rules-engine's semantics
 * (PERFORMANCE.md §10). Rules are first lowered to a backend-neutral form ({@link ConditionIR});
 * a {@link PolicyBackend} turns the rules into one evaluator. The closure backend here needs no
 * `new Function` or `eval`, so it runs under a strict CSP; the generated-code backend
 * (`codegen-backend.ts`) is the faster one wherever `new Function` is allowed.
 *
 * Why the results equal json-rules-engine's (7.3.1, `rule.js`): `all` and `any` of an empty list
 * both hold (`prioritizeAndRun` resolves `true`); otherwise `all` is `every` and `any` is `some`
 * over the children whatever their priorities (priorities only order the work, and facts here are
 * plain values, so short-circuiting cannot change a result); `not` negates its single child;
 * leaves apply the default operators of `operators.ts` to the fact's value and to the literal or
 * the referenced fact's value.
 */
import { ATTRIBUTE_PREFIX, type FactValue } from '../facts/catalog.js';
import type { RuleFailedEntry } from '../trace/trace.js';
import { formatPath } from '../_lib/format-path.js';
import type { FiredRule } from './evaluate-policy.js';
import type { PolicyEvent } from './load-policy.js';
import { OPERATORS, type OperatorName } from './operators.js';
import { isFactReference, type Condition, type ConditionValue, type RuleDocument } from './policy-schema.js';

/** The facts a policy is evaluated against; a missing fact reads as `undefined`. */
export type FactRecord = Readonly<Record<string, FactValue>>;

/** A compiled condition. Pure: no state survives a call, so it is safe under concurrency and re-entrancy. */
export type Predicate = (facts: FactRecord) => boolean;

/**
 * A compiled policy's rules: appends the entry of each rule that fires to `out`, in rule order.
 * Pure apart from `out`: safe under concurrency and re-entrancy.
 */
export type RulesEvaluator = (facts: FactRecord, out: FiredRule[]) => void;

/** The facts a policy reads, by name in `Policy.facts` order, each `null` when missing: the trace's `fact.derived`. */
export type FactPicker = (facts: FactRecord) => Record<string, FactValue>;

/** Which evaluator runs a policy: generated code, or closures (no `new Function`). */
export type EvaluatorKind = 'codegen' | 'closures';

/** A rule as a backend sees it: its condition, and the frozen entry to append when it fires. */
export interface RuleIR {
  readonly condition: ConditionIR;
  readonly fired: FiredRule;
}

/** The right-hand side of a leaf: a literal, or the value of another fact. */
export type ValueIR = { readonly kind: 'literal'; readonly value: ConditionValue } | { readonly kind: 'fact'; readonly fact: string };

/** A leaf comparison with its path inside the rule (`conditions.all[0]`). */
export interface LeafIR {
  readonly kind: 'leaf';
  readonly path: string;
  readonly fact: string;
  readonly operator: OperatorName;
  readonly value: ValueIR;
}

/** A condition in backend-neutral form: priorities dropped (they never change a result), operators resolved. */
export type ConditionIR =
  | { readonly kind: 'all' | 'any'; readonly children: readonly ConditionIR[] }
  | { readonly kind: 'not'; readonly child: ConditionIR }
  | LeafIR;

/** Turns a policy's rules into one evaluator. One backend per code-generation strategy. */
export interface PolicyBackend {
  readonly name: EvaluatorKind;
  compile(rules: readonly RuleIR[]): RulesEvaluator;
  /** A picker of the facts `names`, in that order (names come from the catalog or are `attributes.*`). */
  picker(names: readonly string[]): FactPicker;
}

/** One compiled rule. */
export interface CompiledRule extends RuleIR {
  readonly name: string;
}

/** A compiled policy: its rules in document order, and the evaluator of them all. */
export interface CompiledPolicy {
  readonly backend: EvaluatorKind;
  readonly rules: readonly CompiledRule[];
  readonly evaluate: RulesEvaluator;
  readonly pick: FactPicker;
  /** The lender attributes the rules read: the facts a loan may lack. */
  readonly attributeFacts: readonly string[];
}

/** Lowers a validated condition tree (the loader has checked every operator). */
export function toConditionIR(condition: Condition, path: readonly PropertyKey[] = ['conditions']): ConditionIR {
  if ('all' in condition) return { kind: 'all', children: condition.all.map((child, i) => toConditionIR(child, [...path, 'all', i])) };
  if ('any' in condition) return { kind: 'any', children: condition.any.map((child, i) => toConditionIR(child, [...path, 'any', i])) };
  if ('not' in condition) return { kind: 'not', child: toConditionIR(condition.not, [...path, 'not']) };
  const { value } = condition;
  return {
    kind: 'leaf',
    path: formatPath(path),
    fact: condition.fact,
    operator: condition.operator as OperatorName,
    value: isFactReference(value) ? { kind: 'fact', fact: value.fact } : { kind: 'literal', value },
  };
}

const always: Predicate = () => true;

function compileClosure(node: ConditionIR): Predicate {
  switch (node.kind) {
    case 'leaf': {
      const { fact } = node;
      const test = OPERATORS[node.operator].test;
      if (node.value.kind === 'fact') {
        const other = node.value.fact;
        return (facts) => test(facts[fact], facts[other]);
      }
      const literal = node.value.value;
      return (facts) => test(facts[fact], literal);
    }
    case 'not': {
      const child = compileClosure(node.child);
      return (facts) => !child(facts);
    }
    case 'all':
    case 'any': {
      const children = node.children.map(compileClosure);
      const [first, second] = children;
      // Empty `all` and empty `any` both hold, as in json-rules-engine.
      if (first === undefined) return always;
      if (children.length === 1) return first;
      if (children.length === 2 && second !== undefined) {
        return node.kind === 'all' ? (facts) => first(facts) && second(facts) : (facts) => first(facts) || second(facts);
      }
      const count = children.length;
      return node.kind === 'all'
        ? (facts) => {
            for (let i = 0; i < count; i++) if (!children[i]!(facts)) return false;
            return true;
          }
        : (facts) => {
            for (let i = 0; i < count; i++) if (children[i]!(facts)) return true;
            return false;
          };
    }
  }
}

/** Closures over the rule data: no `new Function`, works under a strict CSP. */
export const closureBackend: PolicyBackend = {
  name: 'closures',
  compile(rules) {
    const tests = rules.map((rule) => compileClosure(rule.condition));
    const fired = rules.map((rule) => rule.fired);
    const count = rules.length;
    return (facts, out) => {
      for (let i = 0; i < count; i++) if (tests[i]!(facts)) out.push(fired[i]!);
    };
  },
  picker(names) {
    // Copying a template keeps one object shape for every pick; the stores then hit existing properties.
    const template: Record<string, FactValue> = {};
    for (const name of names) template[name] = null;
    const count = names.length;
    return (facts) => {
      const picked = { ...template };
      for (let i = 0; i < count; i++) {
        const name = names[i]!;
        const value = facts[name];
        if (value !== undefined && value !== null) picked[name] = value;
      }
      return picked;
    };
  },
};

/** Lowers validated, frozen rules to their IR, each with its frozen fired entry. */
export function lowerRules(rules: readonly RuleDocument[]): CompiledRule[] {
  return rules.map((rule): CompiledRule => {
    const event: PolicyEvent = rule.event;
    return { name: rule.name, condition: toConditionIR(rule.conditions), fired: Object.freeze({ rule: rule.name, event }) };
  });
}

/** Compiles validated, frozen rules with `backend`; `facts` are the facts they read (`Policy.facts`). */
export function compilePolicy(rules: readonly RuleDocument[], facts: readonly string[], backend: PolicyBackend = closureBackend): CompiledPolicy {
  const lowered = lowerRules(rules);
  return {
    backend: backend.name,
    rules: lowered,
    evaluate: backend.compile(lowered),
    pick: backend.picker(facts),
    attributeFacts: facts.filter((name) => name.startsWith(ATTRIBUTE_PREFIX)),
  };
}

type LeafTrace = RuleFailedEntry['conditions'][number];

function plain(value: unknown): FactValue {
  // Traces are JSON: a missing fact shows as null, a list literal as a fresh array.
  if (value === undefined) return null;
  return (Array.isArray(value) ? [...(value as unknown[])] : value) as FactValue;
}

/**
 * Evaluates a condition for a trace: every leaf is evaluated (no short-circuit, so each has a real
 * result) and appended to `out` in document order. Returns the condition's result, which always
 * equals the compiled predicate's.
 */
export function explainCondition(node: ConditionIR, facts: FactRecord, out: LeafTrace[]): boolean {
  switch (node.kind) {
    case 'leaf': {
      const factValue = facts[node.fact];
      const value = node.value.kind === 'fact' ? facts[node.value.fact] : node.value.value;
      const result = OPERATORS[node.operator].test(factValue, value);
      out.push({ path: node.path, fact: node.fact, operator: node.operator, value: plain(value), factValue: plain(factValue), result });
      return result;
    }
    case 'not':
      return !explainCondition(node.child, facts, out);
    case 'all':
    case 'any': {
      const results = node.children.map((child) => explainCondition(child, facts, out));
      return node.kind === 'all' ? results.every(Boolean) : results.length === 0 || results.some(Boolean);
    }
  }
}

const compiledPolicies = /* @__PURE__ */ new WeakMap<object, CompiledPolicy>();

/** Remembers the compiled form of a loaded policy, keyed by the policy object itself. */
export function attachCompiled(policy: object, compiled: CompiledPolicy): void {
  compiledPolicies.set(policy, compiled);
}

/** The compiled form of a policy loaded by this copy of the library, if any. */
export function compiledOf(policy: object): CompiledPolicy | undefined {
  return compiledPolicies.get(policy);
}
