/**
 * Condition analysis for the lint: a rule's condition tree in disjunctive normal form, and exact
 * satisfiability and implication tests on it. Facts are independent of one another, and every
 * leaf compares one fact with constants, so on each fact a conjunction holds on a union of
 * intervals (and points) whose ends are those constants: testing one witness value per region
 * (each constant, the points between and beyond them, null, a fresh string) decides it exactly,
 * with json-rules-engine's own operator semantics.
 */
import { findFact, type FactDefinition } from '../facts/catalog.js';
import { isOperatorName, OPERATORS } from '../policy/operators.js';

/** One comparison, possibly negated, with the path of its leaf. */
export interface Literal {
  fact: string;
  operator: string;
  value: unknown;
  negated: boolean;
  path: readonly PropertyKey[];
}

/** A conjunction of literals; a rule's conditions are a disjunction of these. */
export type Conjunction = readonly Literal[];

/** Conjunctions kept per rule before the analysis gives up on it (no diagnostics, never a false one). */
export const MAX_CONJUNCTIONS = 512;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a literal compares with another fact (`{ "fact": … }`): opaque to the analysis. */
export function isReference(literal: Literal): boolean {
  return isRecord(literal.value);
}

function product(left: Conjunction[], right: Conjunction[]): Conjunction[] | undefined {
  if (left.length * right.length > MAX_CONJUNCTIONS) return undefined;
  return left.flatMap((a) => right.map((b) => [...a, ...b]));
}

/**
 * The condition as a disjunction of conjunctions (`[]` = never holds, `[[]]` = always holds), or
 * `undefined` when it would take more than {@link MAX_CONJUNCTIONS}. Empty `all` and `any` hold,
 * as in json-rules-engine.
 */
export function toDnf(node: unknown, path: readonly PropertyKey[], negated = false): Conjunction[] | undefined {
  if (!isRecord(node)) return [[]];
  for (const key of ['all', 'any'] as const) {
    const children = node[key];
    if (!Array.isArray(children)) continue;
    const parts: Conjunction[][] = [];
    for (let i = 0; i < children.length; i++) {
      const part = toDnf(children[i], [...path, key, i], negated);
      if (part === undefined) return undefined;
      parts.push(part);
    }
    // all = product (or union when negated: De Morgan); any = union (or product when negated).
    const conjunctive = (key === 'all') !== negated;
    if (children.length === 0) return negated ? [] : [[]];
    if (conjunctive) {
      let acc: Conjunction[] | undefined = [[]];
      for (const part of parts) {
        acc = product(acc, part);
        if (acc === undefined) return undefined;
      }
      return acc;
    }
    const union = parts.flat();
    return union.length > MAX_CONJUNCTIONS ? undefined : union;
  }
  if ('not' in node) return toDnf(node['not'], [...path, 'not'], !negated);
  return [[{ fact: String(node['fact']), operator: String(node['operator']), value: node['value'], negated, path }]];
}

/** Whether the fact can take `value` at all: its type, nullability and range. */
function inDomain(fact: FactDefinition | undefined, value: unknown): boolean {
  if (fact === undefined || fact.type === 'any') return true;
  if (value === null) return fact.nullable;
  if (typeof value !== fact.type) return false;
  if (typeof value === 'number') {
    if (['count', 'days', 'hours', 'money'].includes(fact.unit) && value < 0) return false;
    if (['count', 'days'].includes(fact.unit) && !Number.isInteger(value)) return false;
  }
  return true;
}

/** Witness values for one fact: enough to meet every region the constants cut its domain into. */
function witnesses(fact: FactDefinition | undefined, literals: readonly Literal[]): unknown[] {
  const numbers = new Set<number>([0]);
  const others = new Set<unknown>([null, true, false, '\u0000arrears-lint-fresh']);
  for (const literal of literals) {
    for (const constant of Array.isArray(literal.value) ? (literal.value as unknown[]) : [literal.value]) {
      if (typeof constant === 'number') numbers.add(constant);
      else others.add(constant);
    }
  }
  const sorted = [...numbers].sort((a, b) => a - b);
  const values = new Set<number>();
  sorted.forEach((n, i) => {
    for (const v of [n, n - 1, n + 1, Math.floor(n), Math.ceil(n), Math.floor(n) + 1, Math.ceil(n) - 1]) values.add(v);
    const next = sorted[i + 1];
    if (next !== undefined) values.add((n + next) / 2);
  });
  return [...values, ...others].filter((value) => inDomain(fact, value));
}

/** Whether one value satisfies one literal, with json-rules-engine's semantics. */
export function satisfies(literal: Literal, value: unknown): boolean {
  if (isReference(literal) || !isOperatorName(literal.operator)) return true;
  const holds = OPERATORS[literal.operator].test(value, literal.value);
  return literal.negated ? !holds : holds;
}

function byFact(conjunction: Conjunction): Map<string, Literal[]> {
  const map = new Map<string, Literal[]>();
  for (const literal of conjunction) {
    if (isReference(literal)) continue;
    const list = map.get(literal.fact);
    if (list === undefined) map.set(literal.fact, [literal]);
    else list.push(literal);
  }
  return map;
}

/** The values of the fact's domain (one per region) that satisfy every literal. */
export function satisfyingWitnesses(fact: string, literals: readonly Literal[], extra: readonly Literal[] = []): unknown[] {
  return witnesses(findFact(fact), [...literals, ...extra]).filter((value) => literals.every((literal) => satisfies(literal, value)));
}

/** Whether some assignment of facts satisfies the conjunction (references are taken to hold). */
export function isSatisfiable(conjunction: Conjunction): boolean {
  for (const [fact, literals] of byFact(conjunction)) if (satisfyingWitnesses(fact, literals).length === 0) return false;
  return true;
}

/** The first literal at which the conjunction, read in order, becomes unsatisfiable, with the literal it contradicts. */
export function firstContradiction(conjunction: Conjunction): { literal: Literal; with: readonly Literal[] } | undefined {
  const seen = new Map<string, Literal[]>();
  for (const literal of conjunction) {
    if (isReference(literal)) continue;
    const before = seen.get(literal.fact) ?? [];
    const now = [...before, literal];
    seen.set(literal.fact, now);
    if (satisfyingWitnesses(literal.fact, now).length === 0) {
      // The fewest earlier literals that still contradict it, for the message.
      const alone = satisfyingWitnesses(literal.fact, [literal]).length === 0;
      const partner = alone ? [] : before.filter((other) => satisfyingWitnesses(literal.fact, [other, literal]).length === 0).slice(0, 1);
      return { literal, with: partner.length > 0 || alone ? partner : before };
    }
  }
  return undefined;
}

const sameLiteral = (a: Literal, b: Literal) =>
  a.fact === b.fact && a.operator === b.operator && a.negated === b.negated && JSON.stringify(a.value) === JSON.stringify(b.value);

/** Whether every assignment satisfying `stronger` satisfies `weaker` (exact up to fact references, which must match literally). */
export function implies(stronger: Conjunction, weaker: Conjunction): boolean {
  const strong = byFact(stronger);
  for (const literal of weaker) {
    if (isReference(literal) && !stronger.some((other) => sameLiteral(other, literal))) return false;
  }
  for (const [fact, literals] of byFact(weaker)) {
    const given = strong.get(fact) ?? [];
    for (const value of satisfyingWitnesses(fact, given, literals)) {
      if (!literals.every((literal) => satisfies(literal, value))) return false;
    }
  }
  return true;
}

/** `daysPastDue greaterThanInclusive 31`, `not (riskScore lessThan 300)`. */
export function describeLiteral(literal: Literal): string {
  const text = `${literal.fact} ${literal.operator} ${JSON.stringify(literal.value)}`;
  return literal.negated ? `not (${text})` : text;
}
