/**
 * The loan's fast path against zod: whatever it accepts, zod accepts with the same output, key
 * order included; it accepts every well-formed loan; and anything else goes to zod.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTION_TYPES, CHANNELS, STATUS_TYPES } from '../../src/domain/vocabulary.js';
import { fastLoan } from '../../src/validate/fast-loan.js';
import { inputSchema, loanSchema, WEEKDAYS } from '../../src/validate/input-schema.js';
import { parseDecisionInput } from '../../src/validate/parse-input.js';
import { generatePortfolio } from '../../bench/generate.js';

const instant = fc
  .integer({ min: Date.parse('1990-01-01T00:00:00Z'), max: Date.parse('2060-01-01T00:00:00Z') })
  .chain((ms) => fc.constantFrom(new Date(ms).toISOString(), new Date(ms).toISOString().replace('.000Z', 'Z'), new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+08:00')));
const date = instant.map((iso) => iso.slice(0, 10));
const id = fc.string({ minLength: 1, maxLength: 200 });
const money = fc.oneof(fc.double({ min: 0, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 10_000_000 }));
const localTime = fc.constantFrom('00:00', '08:00', '21:30:15', '23:59:59', '24:00', '24:00:00');
const zone = fc.constantFrom('Asia/Shanghai', 'Europe/London', 'America/New_York', 'Not/AZone', 'x'.repeat(64));

const status = fc.record({ type: fc.constantFrom(...STATUS_TYPES), from: instant, until: fc.option(instant), debtId: id }, { requiredKeys: ['type', 'from'] });
const optOut = fc.record({ channel: fc.constantFrom(...CHANNELS), at: instant, address: id }, { requiredKeys: ['channel', 'at'] });
const span = fc.record(
  {
    days: fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1, maxLength: 7 }),
    start: localTime,
    end: localTime,
    actions: fc.array(fc.constantFrom(...ACTION_TYPES), { minLength: 1, maxLength: 3 }),
    from: instant,
    until: fc.option(instant),
  },
  { requiredKeys: ['days', 'start', 'end', 'from'] },
);
const attributeKey = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,10}$/);
const attributes = fc.dictionary(attributeKey, fc.oneof(fc.string({ maxLength: 20 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean()), { maxKeys: 4 });

const borrower = fc.record(
  {
    id,
    timeZone: zone,
    timeZones: fc.array(zone, { minLength: 1, maxLength: 3 }),
    addressVerified: fc.boolean(),
    statuses: fc.array(status, { maxLength: 3 }),
    optOuts: fc.array(optOut, { maxLength: 2 }),
    inconvenientTimes: fc.array(span, { maxLength: 2 }),
    agreedTimes: fc.array(span, { maxLength: 2 }),
  },
  { requiredKeys: ['id'] },
);

/** Well-formed loans, every optional key present or not. */
const validLoan = fc.record(
  {
    id,
    product: fc.constantFrom('cash_loan', 'credit_card', 'auto'),
    currency: fc.constantFrom('CNY', 'USD', 'GBP'),
    balance: money,
    amountOverdue: money,
    oldestUnpaidDueDate: fc.option(date),
    debtId: id,
    riskScore: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true })),
    limitationExpiresOn: fc.option(date),
    attributes,
    borrower,
  },
  { requiredKeys: ['id', 'product', 'currency', 'balance', 'amountOverdue', 'borrower'] },
);

const oddValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(''),
  fc.constant(-1),
  fc.constant(Number.NaN),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.constant(1e13),
  fc.constant('2026-02-30'),
  fc.constant('2026-07-15T10:00Z'),
  fc.constant('cny'),
  fc.constant('25:00'),
  fc.constant('x'.repeat(201)),
  fc.constant([]),
  fc.constant(['mon', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']),
  fc.constant({}),
  fc.constant({ '1st': true }),
  fc.constant({ ok: 'x'.repeat(1001) }),
  fc.string(),
);

/** A loan with one thing wrong, or not: a key replaced, added or removed, at the loan, its borrower or one of its lists. */
const oddLoan = fc
  .tuple(
    validLoan,
    fc.constantFrom('loan', 'borrower', 'status', 'span', 'optOut'),
    fc.constantFrom('id', 'product', 'currency', 'balance', 'riskScore', 'attributes', 'borrower', 'timeZone', 'timeZones', 'statuses', 'type', 'from', 'until', 'days', 'start', 'actions', 'channel', 'extra'),
    oddValue,
    fc.boolean(),
    fc.boolean(),
  )
  .map(([loan, where, key, value, remove, reverse]) => {
    const copy = structuredClone(loan) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a random document
    const target =
      where === 'loan'
        ? copy
        : where === 'borrower'
          ? copy['borrower']
          : where === 'status'
            ? copy['borrower'].statuses?.[0]
            : where === 'span'
              ? copy['borrower'].agreedTimes?.[0]
              : copy['borrower'].optOuts?.[0];
    if (target !== undefined) {
      if (remove) delete target[key];
      else target[key] = value;
    }
    return reverse ? Object.fromEntries(Object.entries(copy).reverse()) : copy;
  });

describe('the loan fast path', () => {
  it('accepts every well-formed loan, with exactly zod’s output (values and key order)', () => {
    fc.assert(
      fc.property(validLoan, (loan) => {
        const fast = fastLoan(loan);
        expect(fast).toBeDefined();
        expect(JSON.stringify(fast)).toBe(JSON.stringify(loanSchema().parse(loan)));
        expect(fast).toStrictEqual(loanSchema().parse(loan));
      }),
      { seed: 1401, numRuns: 3000 },
    );
  });

  it('accepts nothing zod would refuse, and what it accepts equals zod’s output', () => {
    let fastAccepted = 0;
    let zodRefused = 0;
    fc.assert(
      fc.property(oddLoan, (loan) => {
        const fast = fastLoan(loan);
        const zod = loanSchema().safeParse(loan);
        if (!zod.success) zodRefused++;
        if (fast === undefined) return;
        fastAccepted++;
        expect(zod.success).toBe(true);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
        expect(fast).toStrictEqual(zod.data);
      }),
      { seed: 1402, numRuns: 6000 },
    );
    // Both branches were exercised: the test can fail either way.
    expect(zodRefused).toBeGreaterThan(1500);
    expect(fastAccepted).toBeGreaterThan(500);
  });

  it('never accepts keys that are not enumerable own data, and copies every list', () => {
    const loan = { id: 'L-1', product: 'cash_loan', currency: 'CNY', balance: 1, amountOverdue: 1, borrower: { id: 'B-1', timeZones: ['Asia/Shanghai'] } };
    const copy = fastLoan(loan)!;
    expect(copy).toEqual(loan);
    expect(copy.borrower).not.toBe(loan.borrower);
    expect(copy.borrower.timeZones).not.toBe(loan.borrower.timeZones);
    const hidden = { ...loan, attributes: {} as Record<string, unknown> };
    Object.defineProperty(hidden.attributes, 'segment', { enumerable: false, value: 'S1' });
    expect(fastLoan(hidden)).toBeUndefined();
    const inherited = Object.assign(Object.create({ extra: 1 }) as object, loan);
    expect(fastLoan(inherited)).toBeUndefined();
    expect(fastLoan({ ...loan, riskScore: undefined })).toBeUndefined();
  });

  it('leaves whole inputs as zod parses them', () => {
    for (const input of generatePortfolio(62, 300)) {
      const viaZod = inputSchema().parse(input);
      const parsed = parseDecisionInput(input);
      expect(JSON.stringify(parsed.loan)).toBe(JSON.stringify(viaZod.loan));
      expect(parsed.loan).toStrictEqual(viaZod.loan);
    }
  });
});
