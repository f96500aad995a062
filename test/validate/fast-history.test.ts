/**
 * The history's fast path against zod: whatever it accepts, zod accepts with the same output,
 * key order included; it accepts every well-formed event; and anything else goes to zod.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTORS, CHANNELS, DIRECTIONS, NOTICE_TYPES, OUTCOMES, PURPOSES, RECIPIENTS, STEP_ACTIONS } from '../../src/domain/vocabulary.js';
import { fastHistory, historyPatterns } from '../../src/validate/fast-history.js';
import { instantString, localDateString } from '../../src/validate/primitives.js';
import { historyEventSchema, inputSchema } from '../../src/validate/input-schema.js';
import { parseDecisionInput } from '../../src/validate/parse-input.js';
import { generatePortfolio } from '../../bench/generate.js';

const instant = fc
  .integer({ min: Date.parse('1990-01-01T00:00:00Z'), max: Date.parse('2060-01-01T00:00:00Z') })
  .chain((ms) =>
    fc.constantFrom(
      new Date(ms).toISOString(),
      new Date(ms).toISOString().replace('.000Z', 'Z'),
      new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+08:00'),
      new Date(ms).toISOString().replace(/\.\d{3}Z$/, '-03:30'),
    ),
  );
const date = instant.map((iso) => iso.slice(0, 10));
const id = fc.string({ minLength: 1, maxLength: 200 });
const money = fc.oneof(fc.double({ min: 0, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 10_000_000 }));

/** Well-formed events of every type, optional keys present or not. */
const validEvent = fc.oneof(
  fc.record(
    {
      type: fc.constant('contact'),
      at: instant,
      channel: fc.constantFrom(...CHANNELS),
      direction: fc.constantFrom(...DIRECTIONS),
      outcome: fc.constantFrom(...OUTCOMES),
      by: fc.constantFrom(...ACTORS),
      debtId: id,
      address: id,
      purpose: fc.constantFrom(...PURPOSES),
      recipient: fc.constantFrom(...RECIPIENTS),
      contactId: id,
    },
    { requiredKeys: ['type', 'at', 'channel', 'direction', 'outcome'] },
  ),
  fc.record({ type: fc.constant('promise'), at: instant, amount: money, dueDate: date, debtId: id }, { requiredKeys: ['type', 'at', 'amount', 'dueDate'] }),
  fc.record({ type: fc.constant('payment'), at: instant, amount: money, debtId: id }, { requiredKeys: ['type', 'at', 'amount'] }),
  fc.record({ type: fc.constant('step'), at: instant, action: fc.constantFrom(...STEP_ACTIONS), debtId: id }, { requiredKeys: ['type', 'at', 'action'] }),
  fc.record({ type: fc.constant('notice'), at: instant, notice: fc.constantFrom(...NOTICE_TYPES), debtId: id }, { requiredKeys: ['type', 'at', 'notice'] }),
);

/** Values that are wrong somewhere: a key's value replaced, a key added or removed, keys reordered. */
const oddValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(''),
  fc.constant(-1),
  fc.constant(Number.NaN),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.constant(1e13),
  fc.constant('2026-02-30T10:00:00Z'),
  fc.constant('2026-07-15T10:00Z'),
  fc.constant('2026-07-15'),
  fc.constant('x'.repeat(201)),
  fc.constant('call'),
  fc.constant('legal'),
  fc.constant([]),
  fc.constant({}),
  fc.string(),
);
const oddEvent = fc
  .tuple(validEvent, fc.constantFrom('type', 'at', 'channel', 'direction', 'outcome', 'by', 'debtId', 'amount', 'dueDate', 'action', 'notice', 'extra', 'purpose'), oddValue, fc.boolean(), fc.boolean())
  .map(([event, key, value, remove, reverse]) => {
    const copy: Record<string, unknown> = { ...event };
    if (remove) delete copy[key];
    else copy[key] = value;
    return reverse ? Object.fromEntries(Object.entries(copy).reverse()) : copy;
  });

describe('the history fast path', () => {
  it('matches instants and dates with exactly the schemas’ patterns', () => {
    const pattern = (schema: { _zod: { def: unknown } }) => {
      const found = (schema._zod.def as { pattern?: RegExp }).pattern;
      return found === undefined ? undefined : { source: found.source, flags: found.flags };
    };
    const { instant, date } = historyPatterns();
    expect({ source: instant.source, flags: instant.flags }).toEqual(pattern(instantString()));
    expect({ source: date.source, flags: date.flags }).toEqual(pattern(localDateString()));
  });

  it('accepts every well-formed event, with exactly zod’s output (values and key order)', () => {
    fc.assert(
      fc.property(fc.array(validEvent, { maxLength: 6 }), (events) => {
        const fast = fastHistory(events, 200_000);
        expect(fast).toBeDefined();
        const zod = events.map((event) => historyEventSchema().parse(event));
        expect(JSON.stringify(fast)).toBe(JSON.stringify(zod));
      }),
      { seed: 1201, numRuns: 3000 },
    );
  });

  it('accepts nothing zod would refuse, and what it accepts equals zod’s output', () => {
    let fastAccepted = 0;
    let zodRefused = 0;
    fc.assert(
      fc.property(oddEvent, (event) => {
        const fast = fastHistory([event], 200_000);
        const zod = historyEventSchema().safeParse(event);
        if (!zod.success) zodRefused++;
        if (fast === undefined) return;
        fastAccepted++;
        expect(zod.success).toBe(true);
        expect(JSON.stringify(fast)).toBe(JSON.stringify([zod.data]));
      }),
      { seed: 1202, numRuns: 5000 },
    );
    // Both branches were exercised: the test can fail either way.
    expect(zodRefused).toBeGreaterThan(1000);
    expect(fastAccepted).toBeGreaterThan(500);
  });

  it('never reads a value twice, nor accepts keys that are not enumerable own data', () => {
    let reads = 0;
    const tricky = { type: 'payment', amount: 10, debtId: 'L1' } as Record<string, unknown>;
    Object.defineProperty(tricky, 'at', { enumerable: true, get: () => (reads++ === 0 ? '2026-07-15T10:00:00Z' : 'not an instant') });
    expect(fastHistory([tricky], 10)).toEqual([{ type: 'payment', at: '2026-07-15T10:00:00Z', amount: 10, debtId: 'L1' }]);
    const hidden = { type: 'payment', at: '2026-07-15T10:00:00Z', amount: 10 };
    Object.defineProperty(hidden, 'debtId', { enumerable: false, value: 7 });
    expect(fastHistory([hidden], 10)).toBeUndefined();
    expect(fastHistory([Object.assign(Object.create({ extra: 1 }) as object, { type: 'payment', at: '2026-07-15T10:00:00Z', amount: 1 })], 10)).toBeUndefined();
    expect(fastHistory(new Array(3), 10)).toBeUndefined();
    expect(fastHistory([{ type: 'payment', at: '2026-07-15T10:00:00Z', amount: 1 }], 0)).toBeUndefined();
  });

  it('takes only plain objects: a class instance with the right fields is refused as the plain-data walk refuses it', () => {
    class Payment {
      type = 'payment';
      at = '2026-07-15T10:00:00Z';
      amount = 10;
    }
    expect(fastHistory([new Payment()], 10)).toBeUndefined();
    const [input] = generatePortfolio(62, 1);
    // The walk no longer looks inside a history that the fast path took: the fast path must refuse it.
    expect(() => parseDecisionInput({ ...input!, history: [...(input!.history ?? []), new Payment()] })).toThrow(
      expect.objectContaining({
        issues: [{ code: 'invalid_type', path: `history[${input!.history?.length ?? 0}]`, message: 'Expected plain JSON data (an object literal or parsed JSON), found an instance of Payment' }],
      }),
    );
  });

  it('names the history when reading it throws, as the plain-data walk does', () => {
    const [input] = generatePortfolio(63, 1);
    const getter: unknown[] = [];
    Object.defineProperty(getter, 0, { enumerable: true, get: () => { throw new Error('getter'); } });
    const proxy = new Proxy([], { get: (target, key) => { if (key === 'length') throw new Error('trap'); return Reflect.get(target, key) as unknown; } });
    for (const history of [getter, proxy]) {
      expect(() => parseDecisionInput({ ...input!, history })).toThrow(expect.objectContaining({ issues: [{ code: 'invalid_type', path: 'history', message: 'Expected plain JSON data' }] }));
    }
  });

  it('leaves whole inputs as zod parses them', () => {
    for (const input of generatePortfolio(61, 150)) {
      const viaZod = inputSchema().parse(input);
      const parsed = parseDecisionInput(input);
      expect(JSON.stringify(parsed.history)).toBe(JSON.stringify(viaZod.history ?? []));
      expect(JSON.stringify(parsed.loan)).toBe(JSON.stringify(viaZod.loan));
    }
  });
});
