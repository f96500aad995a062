/**
 * The condition operators a policy may use: json-rules-engine's ten default operators, with
 * exactly its semantics (`engine-default-operators.js` of json-rules-engine 7.3.1). Decorators
 * (`not:`, `someFact:`…) are not supported.
 */

/** Names of the operators a policy may use, in json-rules-engine's order. */
export const OPERATOR_NAMES = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
] as const;

/** A whitelisted operator name. */
export type OperatorName = (typeof OPERATOR_NAMES)[number];

/**
 * What an operator needs, for load-time type checks: `equality` compares with one value,
 * `membership` looks the fact up in an array value, `containment` looks the value up in an array
 * fact, `numeric` orders numbers.
 */
export type OperatorKind = 'equality' | 'membership' | 'containment' | 'numeric';

/** `(factValue, value) => boolean`, with json-rules-engine's semantics. */
export type OperatorTest = (factValue: unknown, value: unknown) => boolean;

interface Indexable {
  indexOf(searchElement: unknown): number;
}

/**
 * json-rules-engine's `numberValidator`: `Number.parseFloat(x).toString() !== 'NaN'`, without the
 * string allocation for the values facts can hold (numbers, strings, booleans, null).
 */
export function isNumeric(value: unknown): boolean {
  // parseFloat(String(n)) is NaN only for NaN itself (Infinity prints and parses back as Infinity).
  if (typeof value === 'number') return value === value;
  if (typeof value === 'string') return !Number.isNaN(Number.parseFloat(value));
  // undefined, null and booleans print as words that never parse; anything else takes the exact path.
  if (value === undefined || value === null || typeof value === 'boolean') return false;
  return Number.parseFloat(value as string).toString() !== 'NaN';
}

/** The operators: kind and test. `in` and `contains` call `indexOf` as json-rules-engine does. */
export const OPERATORS: { readonly [name in OperatorName]: { readonly kind: OperatorKind; readonly test: OperatorTest } } = {
  equal: { kind: 'equality', test: (a, b) => a === b },
  notEqual: { kind: 'equality', test: (a, b) => a !== b },
  in: { kind: 'membership', test: (a, b) => (b as Indexable).indexOf(a) > -1 },
  notIn: { kind: 'membership', test: (a, b) => (b as Indexable).indexOf(a) === -1 },
  contains: { kind: 'containment', test: (a, b) => Array.isArray(a) && a.indexOf(b) > -1 },
  doesNotContain: { kind: 'containment', test: (a, b) => Array.isArray(a) && a.indexOf(b) === -1 },
  // Native comparisons on the values as they are, after the fact passed numberValidator.
  lessThan: { kind: 'numeric', test: (a, b) => isNumeric(a) && (a as number) < (b as number) },
  lessThanInclusive: { kind: 'numeric', test: (a, b) => isNumeric(a) && (a as number) <= (b as number) },
  greaterThan: { kind: 'numeric', test: (a, b) => isNumeric(a) && (a as number) > (b as number) },
  greaterThanInclusive: { kind: 'numeric', test: (a, b) => isNumeric(a) && (a as number) >= (b as number) },
};

/** Whether `name` is a whitelisted operator. */
export function isOperatorName(name: string): name is OperatorName {
  return (OPERATOR_NAMES as readonly string[]).includes(name);
}
