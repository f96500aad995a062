import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTION_TYPES, isArrearsValidationError, loadCompliance, loadPolicy } from '../../src/index.js';
import type { DecisionInput } from '../../src/index.js';
import { presets } from '../../src/presets/index.js';
import { aLoan, anInput, END_STATES, simulate } from '../../src/testing/index.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as unknown;
const policy = loadPolicy(read('rules/policies/default.json'));
const us = loadCompliance(presets['us-federal']);
const cn = loadCompliance(presets.cn);

interface Entry {
  compliance: ('cn' | 'us-federal')[];
  input: DecisionInput;
}
const entries = (read('test/fixtures/toolkit/portfolio.json') as { loans: Entry[] }).loans.filter((_, i) => i % 3 === 0);
const portfolio = entries.map((entry) => entry.input);
const compliance = (_input: DecisionInput, index: number) => (entries[index]!.compliance[0] === 'cn' ? cn : us);
const options = { policy, compliance, start: '2026-07-16T00:00:00Z', days: 30, seed: 7 };

describe('simulate', () => {
  const report = simulate(portfolio, options);

  it('replays a month without a single compliance violation', () => {
    expect(report.violations).toEqual([]);
    expect(report.loans).toBe(16);
    expect(report.actions).toBeGreaterThan(100);
    expect(report.decisions).toBeGreaterThan(report.actions);
  });

  it('counts actions per day and per action consistently', () => {
    expect(report.perDay).toHaveLength(30);
    expect(report.perDay[0]).toMatchObject({ day: 1, date: '2026-07-16' });
    expect(report.perDay.at(-1)).toMatchObject({ day: 30, date: '2026-08-14' });
    for (const day of report.perDay) expect(day.total).toBe(ACTION_TYPES.reduce((sum, type) => sum + day.actions[type], 0));
    expect(report.actions).toBe(report.perDay.reduce((sum, day) => sum + day.total, 0));
    expect(report.loanResults.reduce((sum, loan) => sum + loan.actions, 0)).toBe(report.actions);
  });

  it('says where each loan ended up', () => {
    expect(Object.keys(report.endStates)).toEqual([...END_STATES]);
    expect(Object.values(report.endStates).reduce((a, b) => a + b, 0)).toBe(16);
    for (const loan of report.loanResults) {
      if (loan.state === 'cured') expect(loan.amountOverdueAtEnd).toBe(0);
      else expect(loan.daysPastDueAtEnd).toBeGreaterThan(0);
    }
    expect(report.outcomes.payments).toBeGreaterThan(0);
  });

  it('is the same for the same seed, and another month for another seed', () => {
    expect(simulate(portfolio, options)).toEqual(report);
    expect(simulate(portfolio, { ...options, seed: 8 })).not.toEqual(report);
  });

  it('gives each loan its own stream: a loan does not depend on the others', () => {
    const alone = simulate([portfolio[2]!], { ...options, compliance: (input) => compliance(input, 2) });
    expect(alone.loanResults[0]).toEqual(report.loanResults[2]);
  });

  it('never mutates the portfolio, and is plain JSON', () => {
    const before = JSON.stringify(portfolio);
    simulate(portfolio.slice(0, 2), { ...options, days: 5 });
    expect(JSON.stringify(portfolio)).toBe(before);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('honours the outcome rates: every call answered and every promise kept cures loans faster', () => {
    const generous = simulate(portfolio, { ...options, rates: { callAnswered: 1, promiseOnConversation: 1, refusedOnConversation: 0, stopOnConversation: 0, disputeOnConversation: 0, promiseKept: 1 } });
    expect(generous.violations).toEqual([]);
    expect(generous.endStates.cured).toBeGreaterThan(report.endStates.cured);
  });

  it('takes no more actions a day than the lender can', () => {
    const busy = simulate(portfolio, { ...options, days: 7, maxActionsPerDay: 1 });
    expect(Math.max(...busy.perDay.map((day) => day.total))).toBeLessThanOrEqual(portfolio.length);
    expect(busy.violations).toEqual([]);
  });

  it('holds windows and caps in ambiguous and odd zones too', () => {
    const loans = ['America/St_Johns', 'Pacific/Apia', 'Asia/Kolkata'].map((zone, i) => anInput({ loan: aLoan({ id: `Z-${i}`, daysPastDue: 12 + i * 20, borrower: { timeZone: zone } }) }));
    loans.push(anInput({ loan: aLoan({ id: 'Z-amb', daysPastDue: 40, borrower: { timeZone: undefined, timeZones: ['America/New_York', 'Pacific/Honolulu'] } }) }));
    const month = simulate(loans, { ...options, compliance: us, start: '2026-10-20T00:00:00Z', days: 20 }); // across the end of DST in North America
    expect(month.violations).toEqual([]);
    expect(month.actions).toBeGreaterThan(20);
  });

  it('reports progress per loan', () => {
    const done: number[] = [];
    simulate(portfolio.slice(0, 3), { ...options, days: 2, onProgress: (n) => done.push(n) });
    expect(done).toEqual([1, 2, 3]);
  });

  it('rejects bad options with every issue', () => {
    try {
      simulate(portfolio, { ...options, start: '2026-07-16', days: 0, seed: 1.5 });
      expect.unreachable();
    } catch (error) {
      expect(isArrearsValidationError(error) && error.message).toMatchInlineSnapshot(`
        "Invalid options (3 issues)
        ✖ Expected \`start\`: an ISO-8601 instant with an offset or \`Z\`, a \`Date\` or epoch milliseconds
          → at start
        ✖ Expected \`days\` to be a whole number from 1 to 366
          → at days
        ✖ Expected \`seed\` to be an integer
          → at seed"
      `);
    }
  });
});
