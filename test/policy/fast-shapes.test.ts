/**
 * The policy walker's fast shape checks against their zod schemas: whatever a twin accepts, its
 * schema accepts (the walker then skips the schema); every well-formed object passes its twin
 * (so a valid policy never builds a schema); and a rejected object still gets zod's issues.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACTION_TYPES, LEGAL_STEPS, PURPOSES, RECIPIENTS } from '../../src/domain/vocabulary.js';
import { validatePolicy } from '../../src/policy/load-policy.js';
import { MAX_NAME_LENGTH, SHAPES, type Shape } from '../../src/policy/policy-schema.js';

const defaultPolicy = JSON.parse(readFileSync(new URL('../../rules/policies/default.json', import.meta.url), 'utf8')) as unknown;

/** Values near every boundary the schemas draw. */
const odd = fc.constantFrom<unknown>(
  undefined,
  null,
  0,
  -1,
  1,
  1.5,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  'a',
  'x'.repeat(MAX_NAME_LENGTH),
  'x'.repeat(MAX_NAME_LENGTH + 1),
  'third_party',
  'claim',
  'candidate',
  'hold',
  'sms',
  'collection',
  true,
  [],
  [1],
  {},
  { action: 'sms', rank: 1 },
  new Date(0),
);
/** Mostly well-formed, sometimes odd. */
const mostly = (good: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary: good, weight: 4 }, { arbitrary: odd, weight: 1 });
const name = mostly(fc.string({ minLength: 1, maxLength: 30 }));
const positiveInt = mostly(fc.integer({ min: 1, max: 1000 }));
const rank = mostly(fc.double({ noNaN: true, noDefaultInfinity: true }));
const anything = fc.oneof(fc.jsonValue(), odd);
const extraKey = fc.constantFrom('extra', 'condition', 'type', 'rules', 'fact', '__proto__');

/** Objects built from a shape's keys, each present or not, with well-formed or odd values, and sometimes a key it does not allow. */
function objects(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(fc.record(fields, { requiredKeys: [] }), fc.option(fc.tuple(extraKey, anything), { freq: 4 })).map(([record, extra]) => {
    // Defined, not assigned: `__proto__` becomes an own key, as JSON.parse makes it.
    if (extra !== null) Object.defineProperty(record, extra[0], { value: extra[1], enumerable: true, writable: true, configurable: true });
    return record;
  });
}

const params = (kind: 'candidate' | 'hold') =>
  fc.oneof(
    {
      arbitrary: objects({
        action: mostly(fc.constantFrom(...ACTION_TYPES)),
        rank,
        purpose: mostly(fc.constantFrom(...PURPOSES)),
        address: mostly(fc.string({ minLength: 1, maxLength: 20 })),
        step: mostly(fc.constantFrom(...LEGAL_STEPS)),
        recipient: mostly(fc.constantFrom(...RECIPIENTS)),
        contactId: mostly(fc.string({ minLength: 1, maxLength: 20 })),
        template: anything,
      }).map((p) => (kind === 'hold' ? { rank: p['rank'], ...p } : p)),
      weight: 6,
    },
    { arbitrary: odd, weight: 1 },
  );

const arbitraries: Record<keyof typeof SHAPES, fc.Arbitrary<Record<string, unknown>>> = {
  envelope: objects({
    $schema: fc.oneof(fc.string(), odd),
    name: fc.oneof(fc.string(), odd),
    description: fc.oneof(fc.string(), odd),
    rules: fc.oneof(fc.array(anything), odd),
  }),
  rule: objects({
    name,
    conditions: anything,
    event: anything,
    priority: positiveInt,
  }),
  all: objects({
    all: fc.oneof(fc.array(anything), odd),
    priority: positiveInt,
  }),
  any: objects({
    any: fc.oneof(fc.array(anything), odd),
    priority: positiveInt,
  }),
  not: objects({ not: anything, priority: positiveInt }),
  leaf: objects({
    fact: name,
    operator: name,
    value: anything,
    priority: positiveInt,
    path: anything,
    params: anything,
  }),
  factReference: objects({ fact: name, path: anything, params: anything }),
  candidate: objects({
    type: mostly(fc.constant('candidate')),
    params: params('candidate'),
  }),
  hold: objects({ type: mostly(fc.constant('hold')), params: params('hold') }),
};

/** Well-formed objects of each shape: every one must pass its twin. */
const wellFormed: Record<keyof typeof SHAPES, fc.Arbitrary<Record<string, unknown>>> = {
  envelope: fc.record(
    {
      $schema: fc.string(),
      name: fc.string(),
      description: fc.string(),
      rules: fc.array(anything),
    },
    { requiredKeys: ['rules'] },
  ),
  rule: fc.record(
    {
      name: fc.string({ minLength: 1, maxLength: 200 }),
      conditions: fc.jsonValue(),
      event: fc.jsonValue(),
      priority: fc.integer({ min: 1 }),
    },
    { requiredKeys: ['name'] },
  ),
  all: fc.record({ all: fc.array(fc.jsonValue()), priority: fc.integer({ min: 1 }) }, { requiredKeys: ['all'] }),
  any: fc.record({ any: fc.array(fc.jsonValue()), priority: fc.integer({ min: 1 }) }, { requiredKeys: ['any'] }),
  not: fc.record({ not: fc.jsonValue(), priority: fc.integer({ min: 1 }) }, { requiredKeys: ['not'] }),
  leaf: fc.record(
    {
      fact: fc.string({ minLength: 1, maxLength: MAX_NAME_LENGTH }),
      operator: fc.string({ minLength: 1, maxLength: MAX_NAME_LENGTH }),
      value: fc.jsonValue(),
      priority: fc.integer({ min: 1 }),
    },
    { requiredKeys: ['fact', 'operator'] },
  ),
  factReference: fc.record({
    fact: fc.string({ minLength: 1, maxLength: MAX_NAME_LENGTH }),
  }),
  candidate: fc.record({
    type: fc.constant('candidate'),
    params: fc.record(
      {
        action: fc.constantFrom(...ACTION_TYPES),
        rank: fc.double({ noNaN: true, noDefaultInfinity: true }),
        purpose: fc.constantFrom(...PURPOSES),
        address: fc.string({ minLength: 1, maxLength: 200 }),
        step: fc.constantFrom(...LEGAL_STEPS),
        recipient: fc.constantFrom(...RECIPIENTS),
        contactId: fc.string({ minLength: 1, maxLength: 200 }),
        note: fc.jsonValue(),
      },
      { requiredKeys: ['action', 'rank'] },
    ),
  }),
  hold: fc.record({
    type: fc.constant('hold'),
    params: fc.record({ rank: fc.integer(), reason: fc.string() }, { requiredKeys: ['rank'] }),
  }),
};

const shapes = Object.entries(SHAPES) as [keyof typeof SHAPES, Shape][];

describe('policy shape checks: the fast twins', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each(shapes)('%s: what the twin accepts, the schema accepts', (key, shape) => {
    let accepted = 0;
    fc.assert(
      fc.property(arbitraries[key], (data) => {
        if (!shape.accepts(data)) return;
        accepted += 1;
        expect(shape.schema().safeParse(data).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
    // The property is not vacuous: the generator reaches the accepting side too.
    expect(accepted).toBeGreaterThan(20);
  });

  it.each(shapes)('%s: every well-formed object passes the twin', (key, shape) => {
    fc.assert(
      fc.property(wellFormed[key], (data) => {
        expect(shape.schema().safeParse(data).success).toBe(true);
        expect(shape.accepts(data)).toBe(true);
      }),
    );
  });

  it('loads the default policy without building or running a schema', () => {
    const built = shapes.map(([, shape]) => vi.spyOn(shape, 'schema'));
    expect(validatePolicy(defaultPolicy).success).toBe(true);
    for (const spy of built) expect(spy).not.toHaveBeenCalled();
  });

  it('leaves a rejected object to the schema, which words the issue', () => {
    const result = validatePolicy({
      rules: [
        {
          name: 'r',
          conditions: { all: [], extra: 1 },
          event: { type: 'hold', params: { rank: 1 } },
        },
      ],
    });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.issues).toEqual([
        {
          code: 'unrecognized_keys',
          path: 'rules[0].conditions',
          message: 'Unrecognized key: "extra"',
        },
      ]);
  });
});
