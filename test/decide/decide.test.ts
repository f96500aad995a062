import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArrearsValidationError, VERSION, decide, explain, loadCompliance, loadPolicy, type DecisionInput, type HistoryEvent } from '../../src/index.js';
import { presets } from '../../src/presets/index.js';
import { aCall, aLoan, anSms } from '../helpers/builders.js';

const policy = loadPolicy(JSON.parse(readFileSync(new URL('../../rules/policies/default.json', import.meta.url), 'utf8')));
const cn = loadCompliance(presets.cn);
const us = loadCompliance(presets['us-federal']);

// 25 days past due in Shanghai on 2026-07-15; 10:30 local.
const shanghai = aLoan({ id: 'L-CN', currency: 'CNY', balance: 8400, amountOverdue: 1200, oldestUnpaidDueDate: '2026-06-20', borrower: { id: 'B-CN', timeZone: 'Asia/Shanghai' } });
const input = (now: string, history: HistoryEvent[] = [], loan = shanghai): DecisionInput => ({ now, loan, history });

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('decide', () => {
  it('acts with the best-ranked permitted candidate', () => {
    const decision = decide(input('2026-07-15T02:30:00Z'), { policy, compliance: cn });
    expect(decision.type).toBe('act');
    expect(decision.type === 'act' && decision.action).toMatchObject({ type: 'call', rule: 'call-8-30-dpd' });
    expect(decision.type === 'act' && decision.at).toBe('2026-07-15T02:30:00Z');
    expect(decision.candidates.map((c) => [c.action.type, c.verdict.type])).toEqual([
      ['call', 'permitted'],
      ['sms', 'permitted'],
      ['email', 'permitted'],
    ]);
    expect(decision).toMatchObject({ loanId: 'L-CN', now: '2026-07-15T02:30:00Z', policyHash: policy.hash, complianceHash: cn.hash });
  });

  it('waits for the earliest permitted instant when nothing is permitted now', () => {
    // 23:00 in Shanghai: the window opens at 08:00 (00:00Z).
    const decision = decide(input('2026-07-15T15:00:00Z'), { policy, compliance: cn });
    expect(decision).toMatchObject({ type: 'wait', at: '2026-07-16T00:00:00Z', action: { type: 'call' } });
  });

  it('decides none when every candidate is blocked, and says which rule blocked each', () => {
    const bankrupt = aLoan({ ...shanghai, borrower: { ...shanghai.borrower, statuses: [{ type: 'bankruptcy', from: '2026-07-01T00:00:00Z' }], timeZone: 'America/New_York' } });
    const decision = decide(input('2026-07-15T16:00:00Z', [], bankrupt), { policy, compliance: us });
    expect(decision.type).toBe('none');
    expect(decision.candidates.every((c) => c.verdict.type === 'blocked' && c.verdict.by.some((b) => b.id === 'us-bankruptcy-automatic-stay'))).toBe(true);
  });

  it('holds every candidate ranked after an active promise', () => {
    const history: HistoryEvent[] = [{ type: 'promise', at: '2026-07-14T03:00:00Z', amount: 500, dueDate: '2026-07-20' }];
    const decision = decide(input('2026-07-15T02:30:00Z', history), { policy, compliance: cn });
    expect(decision).toMatchObject({ type: 'none', hold: { rule: 'hold-while-promise-active' } });
    expect(decision.trace.filter((e) => e.type === 'candidate.held').length).toBeGreaterThan(0);
  });

  it('records facts, fired rules, checks and the choice in the trace', () => {
    const decision = decide(input('2026-07-15T02:30:00Z'), { policy, compliance: cn });
    const types = decision.trace.map((e) => e.type);
    expect(types[0]).toBe('fact.derived');
    expect(types).toContain('rule.fired');
    expect(types).toContain('candidate.proposed');
    expect(types).toContain('check.passed');
    expect(types.at(-1)).toBe('decision.made');
    const facts = decision.trace[0];
    expect(facts?.type === 'fact.derived' && facts.facts['daysPastDue']).toBe(25);
  });

  it('adds failed rules with their conditions when asked for a full trace', () => {
    const decision = decide(input('2026-07-15T02:30:00Z'), { policy, compliance: cn, trace: 'full' });
    expect(decision.trace.some((e) => e.type === 'rule.failed')).toBe(true);
  });

  it('records the stricter reading when the time zone is unknown', () => {
    const lost = aLoan({ ...shanghai, borrower: { id: 'B', timeZone: 'Asia/Atlantis' } });
    const decision = decide(input('2026-07-15T02:30:00Z', [], lost), { policy, compliance: cn });
    expect(decision.type).toBe('none');
    expect(decision.trace.filter((e) => e.type === 'assumption.stricter').map((e) => e.type === 'assumption.stricter' && e.subject)).toEqual(['time-zone', 'days-past-due']);
  });

  it('returns plain JSON, byte-identical for identical inputs, whatever the history order', () => {
    const history: HistoryEvent[] = [
      aCall('2026-07-14T02:05:00Z'),
      aCall('2026-07-14T02:35:00Z', { outcome: 'conversation', direction: 'inbound' }),
      anSms('2026-07-13T02:00:00Z'),
      { type: 'payment', at: '2026-07-01T09:00:00Z', amount: 300 },
      { type: 'promise', at: '2026-06-25T09:00:00Z', amount: 300, dueDate: '2026-06-30' },
    ];
    const a = decide(input('2026-07-15T02:30:00Z', history), { policy, compliance: cn });
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    fc.assert(
      fc.property(fc.shuffledSubarray(history, { minLength: history.length }), (shuffled) => {
        expect(JSON.stringify(decide(input('2026-07-15T02:30:00Z', shuffled), { policy, compliance: cn }))).toBe(JSON.stringify(a));
      }),
      { seed: 3, numRuns: 50 },
    );
  });

  it('does not mutate its input', () => {
    const frozen = deepFreeze(input('2026-07-15T02:30:00Z', [aCall('2026-07-14T02:05:00Z')]));
    const copy = structuredClone(frozen);
    decide(frozen, { policy, compliance: cn });
    expect(frozen).toEqual(copy);
  });

  it('accepts `now` as a Date or epoch milliseconds', () => {
    const iso = decide(input('2026-07-15T02:30:00Z'), { policy, compliance: cn });
    const date = decide({ ...input('2026-07-15T02:30:00Z'), now: new Date('2026-07-15T02:30:00Z') }, { policy, compliance: cn });
    const ms = decide({ ...input('2026-07-15T02:30:00Z'), now: Date.parse('2026-07-15T02:30:00Z') }, { policy, compliance: cn });
    expect(date).toEqual(iso);
    expect(ms).toEqual(iso);
  });

  it('throws a validation error that names every bad path and echoes no borrower data', () => {
    const bad = {
      now: '2026-07-15 13:30',
      loan: { ...shanghai, balance: -5, borrower: { ...shanghai.borrower, stauses: [{ type: 'bankruptcy', from: 'yesterday' }], statuses: [{ type: 'bankrupt', from: '2026-07-01' }] } },
      history: [{ type: 'contact', at: '2026-07-14T02:05:00Z', channel: 'fax', direction: 'outbound', outcome: 'no_answer' }],
    };
    let error: unknown;
    try {
      decide(bad as never, { policy, compliance: cn });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ArrearsValidationError);
    const validation = error as ArrearsValidationError;
    expect(validation.code).toBe('INVALID_INPUT');
    expect(validation.issues.map((i) => i.path)).toEqual([
      'now',
      'loan.balance',
      'loan.borrower.statuses[0].type',
      'loan.borrower.statuses[0].from',
      'loan.borrower',
      'history[0].channel',
    ]);
    expect(validation.message).not.toContain('B-CN');
    expect(validation.message).toMatchInlineSnapshot(`
      "Invalid input (6 issues)
      ✖ Expected an ISO-8601 instant with an offset or \`Z\` (2026-07-15T13:30:00Z)
        → at now
      ✖ Too small: expected number to be >=0
        → at loan.balance
      ✖ Invalid option: expected one of "dispute"|"bankruptcy"|"deceased"|"cease_communication"|"attorney"|"moratorium"|"mental_health_crisis"|"debt_advice"|"vulnerable"|"incapacity"|"hardship_plan"
        → at loan.borrower.statuses[0].type
      ✖ Expected an ISO-8601 instant with an offset or \`Z\` (2026-07-15T13:30:00Z)
        → at loan.borrower.statuses[0].from
      ✖ Unrecognized key: "stauses"
        → at loan.borrower
      ✖ Invalid option: expected one of "sms"|"email"|"call"|"visit"|"letter"
        → at history[0].channel"
    `);
  });

  it('rejects options that were not loaded', () => {
    expect(() => decide(input('2026-07-15T02:30:00Z'), { policy, compliance: presets.cn as never })).toThrowErrorMatchingInlineSnapshot(`
      [ArrearsValidationError: Invalid options (1 issue)
      ✖ Expected the result of \`loadCompliance(…)\`; load compliance documents and presets with \`loadCompliance\` first
        → at compliance]
    `);
    expect(() => decide(input('2026-07-15T02:30:00Z'), undefined as never)).toThrow(ArrearsValidationError);
  });

  it('explains a decision in stable sentences', () => {
    const history: HistoryEvent[] = [aCall('2026-07-14T02:35:00Z', { outcome: 'conversation' })];
    const nyLoan = aLoan({ id: 'L-US', oldestUnpaidDueDate: '2026-06-20' });
    const decision = decide({ now: '2026-07-15T11:30:00Z', loan: nyLoan, history }, { policy, compliance: us });
    const text = explain(decision).replace(/sha256:[0-9a-f]{64}/g, 'sha256:…').replace(VERSION, '<version>');
    expect(text).toMatchInlineSnapshot(`
      "Loan L-US at 2026-07-15T11:30:00Z: nothing is permitted now; SMS is permitted from 2026-07-15T12:00:00Z (policy rule "follow-up-sms-8-30-dpd").
      Facts: daysPastDue = 25, balance = 2400, riskScore = null, product = "cash_loan", currency = "USD", addressVerified = false, callAttempts24h = 0, consecutiveUnansweredCalls = 0, hoursSinceLastSms = null, hoursSinceLastEmail = null, hoursSinceLastVisit = null, hoursSinceLastLetter = null, hoursSinceLastLegal = null, hoursSinceLastAgency = null, hoursSinceLastHardshipPlan = null, promisesBroken = 0, activePromise = false, daysSinceLastPayment = null, onHardshipPlan = false, attributes.incomeLoss = null.
      1. call (policy rule "call-8-30-dpd", rank 20): deferred until 2026-07-20T12:00:00Z by us-fdcpa-convenient-hours (12 CFR 1006.6(b)(1)(i); 15 U.S.C. 1692c(a)(1)): Local time in America/New_York is 07:30 on Wed 2026-07-15: permitted 08:00–21:00; us-reg-f-conversation-cool-down (12 CFR 1006.14(b)(2)(i)(B); comment 14(b)(2)(ii)-1.ii): A call conversation at 2026-07-14T02:35:00Z starts 7 consecutive days of waiting (America/New_York; the day of the event is day 1) that end 2026-07-20T04:00:00Z.
      2. SMS (policy rule "follow-up-sms-8-30-dpd", rank 35): deferred until 2026-07-15T12:00:00Z by us-fdcpa-convenient-hours (12 CFR 1006.6(b)(1)(i); 15 U.S.C. 1692c(a)(1)): Local time in America/New_York is 07:30 on Wed 2026-07-15: permitted 08:00–21:00.
      3. e-mail (policy rule "email-statement-8-30-dpd", rank 45): deferred until 2026-07-15T12:00:00Z by us-fdcpa-convenient-hours (12 CFR 1006.6(b)(1)(i); 15 U.S.C. 1692c(a)(1)): Local time in America/New_York is 07:30 on Wed 2026-07-15: permitted 08:00–21:00.
      Policy sha256:…; compliance sha256:…; arrears <version>."
    `);
  });
});

describe('decide with lender attributes', () => {
  it('reads an attribute the loan lacks as null', () => {
    const attributePolicy = loadPolicy({
      rules: [
        { name: 'no-segment', conditions: { all: [{ fact: 'attributes.segment', operator: 'equal', value: null }] }, event: { type: 'candidate', params: { action: 'letter', rank: 1 } } },
      ],
    });
    const decision = decide(input('2026-07-15T02:30:00Z'), { policy: attributePolicy, compliance: cn });
    expect(decision).toMatchObject({ type: 'act', action: { rule: 'no-segment' } });
    expect(decision.trace[0]).toEqual({ type: 'fact.derived', facts: { 'attributes.segment': null } });
  });
});
