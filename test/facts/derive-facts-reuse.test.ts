/**
 * deriveFacts keeps per-index columns and reuses working buffers between calls: results must
 * never depend on what was derived before, nor on which debt an index was first read for.
 */
import { describe, expect, it } from 'vitest';
import { contactColumns, deriveFacts } from '../../src/facts/derive-facts.js';
import { indexHistory } from '../../src/facts/history-index.js';
import { parseDecisionInput } from '../../src/validate/parse-input.js';
import { generatePortfolio } from '../../bench/generate.js';

const zones = ['Asia/Shanghai'];

describe('deriveFacts', () => {
  it('gives the same facts whatever was derived before (large and small histories interleaved)', () => {
    const inputs = [...generatePortfolio(41, 20, { historyLength: 400 }), ...generatePortfolio(42, 20, { historyLength: 3 }), ...generatePortfolio(43, 20)];
    const parsed = inputs.map((input) => parseDecisionInput(input));
    const fresh = parsed.map((p) => deriveFacts(p.loan, indexHistory(p.history, p.loan.id), p.now, zones));
    const indexes = parsed.map((p) => indexHistory(p.history, p.loan.id));
    for (const order of [parsed.keys(), [...parsed.keys()].reverse()]) {
      for (const i of order) {
        const p = parsed[i]!;
        expect(deriveFacts(p.loan, indexes[i]!, p.now, zones)).toEqual(fresh[i]);
      }
    }
    expect(fresh.some((derived) => (derived.facts['promisesKept'] as number) > 0)).toBe(true);
  });

  it('reads an index for the debt it is asked about, even after reading it for another', () => {
    const [input] = generatePortfolio(44, 1, { historyLength: 60 });
    const p = parseDecisionInput(input);
    const history = p.history.map((event, i) => (i % 3 === 0 ? { ...event, debtId: 'OTHER' } : event));
    const index = indexHistory(history, p.loan.id);
    const own = deriveFacts(p.loan, index, p.now, zones);
    const other = deriveFacts({ ...p.loan, debtId: 'OTHER' }, index, p.now, zones);
    expect(deriveFacts(p.loan, index, p.now, zones)).toEqual(own);
    expect(other).not.toEqual(own);
    expect(deriveFacts({ ...p.loan, debtId: 'OTHER' }, indexHistory(history, p.loan.id), p.now, zones)).toEqual(other);
  });

  it('flattens contacts into [at, code] pairs, once per contacts array and debt', () => {
    const [input] = generatePortfolio(45, 1, { historyLength: 30 });
    const p = parseDecisionInput(input);
    const { contacts } = indexHistory(p.history, p.loan.id);
    const columns = contactColumns(contacts, p.loan.id);
    expect(columns).toHaveLength(2 * contacts.length);
    expect(columns.filter((_, i) => i % 2 === 0)).toEqual(contacts.map((contact) => contact.at));
    expect(contactColumns(contacts, p.loan.id)).toBe(columns);
    expect(contactColumns(contacts, 'OTHER')).not.toBe(columns);
  });
});
