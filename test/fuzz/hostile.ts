/**
 * Hostile values and mutations for the fuzzer: a valid document is taken apart at a random path
 * and something nasty is put there (wrong types, impossible dates, instants without an offset,
 * unknown keys and enum values, `__proto__`, non-JSON objects, deep nesting, huge strings).
 */
import * as util from 'node:util';
import fc from 'fast-check';
import { expect } from 'vitest';
import { isArrearsValidationError } from '../../src/index.js';
import type { ValidatedDocument } from '../../src/index.js';

/** The slowest a single call on a hostile input may be before it counts as a hang. */
export const BUDGET_MS = 2000;

/** A marker planted in identifiers: no error message may echo it (messages never echo borrower data). */
export const SECRET = 'SECRET-7f3a';

class Account {
  constructor(readonly id: string) {}
}

function deep(depth: number, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}

function cyclic(): unknown {
  const value: Record<string, unknown> = { a: 1 };
  value['self'] = value;
  return value;
}

function throwingGetter(): unknown {
  return Object.defineProperty({}, 'type', { enumerable: true, get: () => { throw new Error(`getter ${SECRET}`); } });
}

function throwingProxy(): unknown {
  return new Proxy({}, { ownKeys: () => { throw new Error(`trap ${SECRET}`); }, get: () => { throw new Error(`trap ${SECRET}`); } });
}

const withOwnProto = (): unknown => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as unknown;

/** Strings that look like instants or dates but are not valid ones (or are, in odd spellings). */
export const trickyInstants = [
  '2026-02-30T10:00:00Z', // impossible date
  '2026-13-01T00:00:00Z',
  '2026-07-15T24:00:00Z',
  '2026-07-15T23:59:60Z', // leap second
  '2026-07-15T10:00:00', // no offset
  '2026-07-15T10:00', // no offset, no seconds
  '2026-07-15 10:00:00Z',
  '2026-07-15t10:00:00z',
  '2026-07-15T10:00:00+24:00',
  '2026-07-15T10:00:00+99:99',
  '2026-07-15T10:00:00+0530',
  '2026-07-15T10:00:00.123456789+05:45',
  '2026-07-15',
  '0000-01-01T00:00:00Z',
  '1969-12-31T23:59:59Z',
  '9999-12-31T23:59:59Z',
  '+010000-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  ' 2026-07-15T10:00:00Z',
  '2026-07-15T10:00:00Z\n',
  '١٢٣٤-٠١-٠١T00:00:00Z',
  'Wed, 15 Jul 2026 10:00:00 GMT',
  '1784109600000',
];

export const trickyDates = ['2026-02-29', '2024-02-29', '2026-04-31', '2026-00-10', '26-07-15', '2026-7-15', '2026-07-15T00:00:00Z', '0000-00-00', '9999-12-31', ''];

/** Every kind of value that does not belong in a JSON document, or belongs but with the wrong type. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    undefined,
    NaN,
    Infinity,
    -Infinity,
    -0,
    1e308,
    -1,
    Number.MAX_SAFE_INTEGER + 2,
    0.1 + 0.2,
    true,
    '',
    ' ',
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    `${SECRET}`,
    'NaN',
    'Infinity',
    '\u0000',
    '\uD800', // lone surrogate
    '🤖'.repeat(100),
    [],
    [null],
    {},
    [1, 2, 3],
    { type: 'contact' },
    new Date('2026-07-15T10:00:00Z'),
    new Date(NaN),
    new Map([['a', 1]]),
    new Set([1]),
    new Account(SECRET),
    Object.create(null) as unknown,
    Object.create({ timeZone: 'Asia/Shanghai', id: 'inherited' }) as unknown,
    10n,
    Symbol('s'),
    () => 1,
    new Uint8Array(4),
    new String('2026-07-15T10:00:00Z'),
    new Number(5),
    /regex/,
    new Error(SECRET),
    Promise.resolve(1),
  ),
  fc.constantFrom(...trickyInstants, ...trickyDates),
  fc.constantFrom('SMS', 'Call', 'fax', 'pigeon', 'contact ', 'outbound\u0000', 'DISPUTE', 'dispute '),
  fc.integer({ min: 1, max: 5 }).map((n) => 'x'.repeat(10 ** n)),
  fc.integer({ min: 60, max: 2000 }).map((d) => deep(d)),
  fc.constantFrom(0).map(cyclic),
  fc.constantFrom(0).map(throwingGetter),
  fc.constantFrom(0).map(throwingProxy),
  fc.constantFrom(0).map(withOwnProto),
  fc.integer({ min: 0, max: 3 }).map((n) => Array.from({ length: n }) as unknown), // holes
  fc.jsonValue({ maxDepth: 3 }),
);

/** Whether the fuzzer may look inside `value`: plain objects and arrays only, never a proxy. */
function isContainer(value: unknown): value is Record<string | number, unknown> {
  if (value === null || typeof value !== 'object' || util.types.isProxy(value)) return false;
  if (Array.isArray(value)) return true;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The paths of the values inside `value` (plain objects and arrays, 12 levels at most, no cycles), root first. */
export function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = [], seen = new Set<object>()): (string | number)[][] {
  out.push(prefix);
  if (!isContainer(value) || seen.has(value) || prefix.length >= 12) return out;
  seen.add(value);
  for (const key of Object.keys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor !== undefined && 'value' in descriptor) pathsOf(descriptor.value, [...prefix, Array.isArray(value) ? Number(key) : key], out, seen);
  }
  return out;
}

export type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'add-key'; at: number; key: string; value: unknown }
  | { kind: 'wrap'; at: number; depth: number };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostileValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('add-key' as const),
      at: fc.nat(),
      key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'toString', 'valueOf', 'timeZone', 'until', 'Type'),
      value: hostileValue,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wrap' as const), at: fc.nat(), depth: fc.integer({ min: 1, max: 100 }) }) },
);

/**
 * Applies mutations to a deep copy of `document` (a JSON value). `at` picks a path among the
 * document's paths (modulo their count). Own `__proto__` keys are defined, never assigned.
 */
export function mutate(document: unknown, mutations: readonly Mutation[]): unknown {
  let root = structuredClone(document);
  for (const mutation of mutations) {
    const paths = pathsOf(root);
    const path = paths[mutation.at % paths.length]!;
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1];
    const parent = parentPath.reduce<unknown>((node, k) => (node as Record<string | number, unknown>)[k], root) as Record<string | number, unknown> | undefined;
    const target = path.reduce<unknown>((node, k) => (node as Record<string | number, unknown>)[k], root);
    const set = (value: unknown) => {
      if (key === undefined || parent === undefined) root = value;
      else Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
    };
    switch (mutation.kind) {
      case 'replace':
        set(mutation.value);
        break;
      case 'delete':
        if (parent !== undefined && key !== undefined) {
          if (Array.isArray(parent)) parent.splice(key as number, 1);
          else delete parent[key];
        }
        break;
      case 'add-key':
        if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
          Object.defineProperty(target, mutation.key, { value: mutation.value, enumerable: true, writable: true, configurable: true });
        }
        break;
      case 'wrap': {
        let value = target;
        for (let i = 0; i < mutation.depth; i++) value = [value];
        set(value);
        break;
      }
    }
  }
  return root;
}

/** What a hostile call may do: return, or throw an `ArrearsValidationError` about `document`. */
export function expectValidationErrorOrResult(fn: () => unknown, document: ValidatedDocument): { threw: boolean; result?: unknown; error?: unknown } {
  try {
    return { threw: false, result: fn() };
  } catch (error) {
    if (!isArrearsValidationError(error)) throw new Error(`Expected an ArrearsValidationError, got ${String(error)}`, { cause: error });
    if (error.document !== document) throw new Error(`Expected an error about the ${document}, got one about the ${error.document}`, { cause: error });
    if (error.issues.length === 0) throw new Error('An ArrearsValidationError without issues', { cause: error });
    for (const issue of error.issues) {
      if (typeof issue.code !== 'string' || typeof issue.path !== 'string' || typeof issue.message !== 'string' || issue.message === '') {
        throw new Error(`A malformed issue: ${JSON.stringify(issue)}`, { cause: error });
      }
    }
    if (error.message.includes(SECRET)) throw new Error('An error message echoes document data', { cause: error });
    return { threw: true, error };
  }
}

/** Own property names of the built-in prototypes, to prove none was polluted. */
export function prototypeFingerprint(): string {
  const protos: object[] = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype, Date.prototype];
  return protos.map((p) => Reflect.ownKeys(p).map(String).sort().join(',')).join('|');
}

/** A deterministic description of any value, cycles and non-JSON values included, to see that nothing was mutated. */
export function fingerprint(value: unknown, seen = new Map<object, number>()): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function':
      return 'function';
    default:
  }
  const object = value as object;
  if (seen.has(object)) return `#${seen.get(object)}`;
  seen.set(object, seen.size);
  try {
    if (object instanceof Date) return `Date(${object.getTime()})`;
    if (util.types.isProxy(object)) return 'proxy';
    const keys = Reflect.ownKeys(object);
    const parts = keys.map((key) => {
      const descriptor = Object.getOwnPropertyDescriptor(object, key)!;
      const shown = 'value' in descriptor ? fingerprint(descriptor.value, seen) : 'accessor';
      return `${String(key)}:${shown}`;
    });
    return `${Object.prototype.toString.call(object)}{${parts.join(',')}}`;
  } catch {
    return 'unreadable';
  }
}

/** JSON text of `value`, or `undefined` when it has none (cycles, BigInt, throwing getters…). */
export function jsonOf(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/** Runs `fn`, failing when it takes longer than `budgetMs`: a hang in the making. */
export function timed<T>(fn: () => T, budgetMs = BUDGET_MS): T {
  const start = performance.now();
  const result = fn();
  const elapsed = performance.now() - start;
  if (elapsed > budgetMs) throw new Error(`Took ${Math.round(elapsed)} ms (budget ${budgetMs} ms)`);
  return result;
}

/**
 * The guarantee under hostile input: a validation error with issues (no crash, no echo), or a
 * decision that is exactly the one its JSON text gives, so nothing outside plain JSON (inherited
 * fields, getters, class instances) can have shaped it; never a hang, never a mutation, never a
 * polluted prototype.
 */
export function judgeHostile(call: (input: unknown) => unknown, mutated: unknown, document: ValidatedDocument, budgetMs = BUDGET_MS): unknown {
  const protoBefore = prototypeFingerprint();
  const before = fingerprint(mutated);
  const outcome = timed(() => expectValidationErrorOrResult(() => call(mutated), document), budgetMs);
  expect(prototypeFingerprint()).toBe(protoBefore);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(fingerprint(mutated), 'the input was mutated').toBe(before);
  if (outcome.threw) return undefined;
  const result = outcome.result;
  expect(JSON.parse(JSON.stringify(result)), 'a result that is not plain JSON').toEqual(result);
  const text = jsonOf(mutated);
  expect(text, 'a non-JSON input was accepted').toBeDefined();
  expect(JSON.stringify(call(JSON.parse(text!))), 'the result differs from that of the JSON text of the input').toBe(JSON.stringify(result));
  return result;
}
