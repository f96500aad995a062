import { describe, expect, it } from 'vitest';
import { check, decide, loadCompliance, loadPolicy } from '../../src/index.js';
import { presets } from '../../src/presets/index.js';
import { aCall, aHistory, aLoan, anInput, arrearsMatchers, aStatus, registerMatchers, runScenario } from '../../src/testing/index.js';

registerMatchers(expect);

const policy = loadPolicy({
  rules: [
    { name: 'call-when-past-due', conditions: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 1 }] }, event: { type: 'candidate', params: { action: 'call', rank: 10 } } },
    { name: 'sms-when-past-due', conditions: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 1 }] }, event: { type: 'candidate', params: { action: 'sms', rank: 20 } } },
  ],
});
const compliance = loadCompliance(presets['us-federal']);
// One unanswered call a day at 09:00 in New York, 9 to 15 July: seven in the seven days ending today.
const sevenCalls = aHistory([9, 10, 11, 12, 13, 14, 15].map((day) => aCall(`2026-07-${String(day).padStart(2, '0')}T13:00:00Z`)));

const acting = decide(anInput(), { policy, compliance }); // 11:00 in New York
const early = decide(anInput({ now: '2026-07-15T11:30:00Z' }), { policy, compliance }); // 07:30
const afterSeven = decide(anInput({ history: sevenCalls }), { policy, compliance });
const disputed = decide(anInput({ loan: aLoan({ borrower: { statuses: [aStatus('dispute')] } }) }), { policy, compliance });
const current = decide(anInput({ loan: { daysPastDue: 0 } }), { policy, compliance });

describe('arrearsMatchers', () => {
  it('pass on what the decision says', () => {
    expect(acting).toAct('call');
    expect(acting).toAct('call', { rule: 'call-when-past-due' });
    expect(acting).toAct();
    expect(early).toWaitUntil('2026-07-15T12:00:00Z');
    expect(early).toWaitUntil(new Date('2026-07-15T12:00:00.000Z'), 'call');
    expect(afterSeven).toAct('sms');
    expect(afterSeven).toBeBlockedBy('us-reg-f-7-in-7');
    expect(afterSeven).toBeBlockedBy('us-reg-f-7-in-7', { action: 'call' });
    expect(afterSeven).toBePermitted('sms');
    expect(disputed).toDoNothing();
    expect(disputed).toBeBlockedBy('us-reg-f-dispute', { action: 'sms' });
    expect(current).toDoNothing();
  });

  it('work with .not', () => {
    expect(acting).not.toAct('sms');
    expect(early).not.toAct();
    expect(acting).not.toBeBlockedBy('us-reg-f-7-in-7');
    expect(afterSeven).not.toBePermitted('call');
    expect(acting).not.toDoNothing();
  });

  it('read verdicts from check too', () => {
    const deferred = check({ ...anInput({ history: sevenCalls }), action: { type: 'call' } }, { compliance });
    expect(deferred).toBeBlockedBy('us-reg-f-7-in-7');
    expect(deferred).toWaitUntil('2026-07-16T12:00:00Z'); // the next day, when the window opens at 08:00
    expect(check({ ...anInput(), action: { type: 'call' } }, { compliance })).toBePermitted();
  });

  it('say what the decision did instead, with every candidate', () => {
    expect(() => expect(afterSeven).toAct('call')).toThrowErrorMatchingInlineSnapshot(`
      [Error: Expected the decision to act with call now, but it acts: sms now (policy rule "sms-when-past-due")
      Candidates:
        1. call (policy rule "call-when-past-due"): deferred until 2026-07-16T12:00:00Z by us-reg-f-7-in-7
        2. sms (policy rule "sms-when-past-due"): permitted]
    `);
    expect(() => expect(acting).toWaitUntil('2026-07-16T12:00:00Z')).toThrowErrorMatchingInlineSnapshot(`
      [Error: Expected the decision to wait until 2026-07-16T12:00:00Z, but it acts: call now (policy rule "call-when-past-due")
      Candidates:
        1. call (policy rule "call-when-past-due"): permitted
        2. sms (policy rule "sms-when-past-due"): permitted]
    `);
    expect(() => expect(early).toWaitUntil('2026-07-15T13:00:00Z')).toThrowErrorMatchingInlineSnapshot(`
      [Error: Expected the decision to wait until 2026-07-15T13:00:00Z, but it waits: call at 2026-07-15T12:00:00Z (policy rule "call-when-past-due")
      Candidates:
        1. call (policy rule "call-when-past-due"): deferred until 2026-07-15T12:00:00Z by us-fdcpa-convenient-hours
        2. sms (policy rule "sms-when-past-due"): deferred until 2026-07-15T12:00:00Z by us-fdcpa-convenient-hours]
    `);
    expect(() => expect(acting).toBeBlockedBy('us-reg-f-7-in-7')).toThrowErrorMatchingInlineSnapshot(`
      [Error: Expected a candidate to be held back by us-reg-f-7-in-7, but none is; the decision acts: call now (policy rule "call-when-past-due")
      Candidates:
        1. call (policy rule "call-when-past-due"): permitted
        2. sms (policy rule "sms-when-past-due"): permitted]
    `);
    expect(() => expect(current).toBeBlockedBy('us-reg-f-7-in-7', { action: 'call' })).toThrowErrorMatchingInlineSnapshot(`
      [Error: Expected a call candidate to be held back by us-reg-f-7-in-7, but there is no call candidate; the decision does nothing: the policy proposed no action
      Candidates: (none)]
    `);
    expect(() => expect(disputed).toAct()).toThrowErrorMatchingInlineSnapshot(`
      [Error: Expected the decision to act with an action now, but it does nothing: every candidate is blocked
      Candidates:
        1. call (policy rule "call-when-past-due"): blocked by us-reg-f-dispute
        2. sms (policy rule "sms-when-past-due"): blocked by us-reg-f-dispute]
    `);
    expect(() => expect(current).toAct('sms')).toThrowErrorMatchingInlineSnapshot(`
      [Error: Expected the decision to act with sms now, but it does nothing: the policy proposed no action
      Candidates: (none)]
    `);
    expect(() => expect(acting).toDoNothing()).toThrowErrorMatchingInlineSnapshot(`
      [Error: Expected the decision to do nothing, but it acts: call now (policy rule "call-when-past-due")
      Candidates:
        1. call (policy rule "call-when-past-due"): permitted
        2. sms (policy rule "sms-when-past-due"): permitted]
    `);
  });

  it('say what differed under .not', () => {
    expect(() => expect(acting).not.toAct('call')).toThrowErrorMatchingInlineSnapshot(`[Error: Expected the decision not to act with call now, but it acts: call now (policy rule "call-when-past-due")]`);
    expect(() => expect(afterSeven).not.toBeBlockedBy('us-reg-f-7-in-7')).toThrowErrorMatchingInlineSnapshot(`[Error: Expected no candidate to be held back by us-reg-f-7-in-7, but call (policy rule "call-when-past-due") is deferred until 2026-07-16T12:00:00Z by us-reg-f-7-in-7]`);
  });

  it('say what a verdict is instead', () => {
    const verdict = check({ ...anInput({ now: '2026-07-15T11:30:00Z' }), action: { type: 'call' } }, { compliance });
    expect(() => expect(verdict).toBePermitted()).toThrowErrorMatchingInlineSnapshot(`[Error: Expected the verdict to be permitted, but it is deferred until 2026-07-15T12:00:00Z by us-fdcpa-convenient-hours]`);
    expect(() => expect(verdict).toBeBlockedBy('us-reg-f-7-in-7')).toThrowErrorMatchingInlineSnapshot(`[Error: Expected the verdict to be held back by us-reg-f-7-in-7, but it is deferred until 2026-07-15T12:00:00Z by us-fdcpa-convenient-hours]`);
    expect(() => expect(verdict).toAct('call')).toThrowErrorMatchingInlineSnapshot(`[Error: toAct expects a decision from \`decide\`, but received a verdict: deferred until 2026-07-15T12:00:00Z by us-fdcpa-convenient-hours]`);
  });

  it('say when they are given something else', () => {
    expect(() => expect({ type: 'act' }).toAct()).toThrowErrorMatchingInlineSnapshot(`[Error: toAct expects a decision from \`decide\`, but received an object that is neither a decision nor a verdict]`);
    expect(() => expect('call').toWaitUntil('2026-07-15T12:00:00Z')).toThrowErrorMatchingInlineSnapshot(`[Error: toWaitUntil expects a decision from \`decide\`, but received a string]`);
    expect(() => expect(acting).toPassScenario()).toThrowErrorMatchingInlineSnapshot(`[Error: toPassScenario expects the result of \`runScenario\`, but received a decision that acts: call now (policy rule "call-when-past-due")]`);
  });

  it('report a failing scenario with each difference', () => {
    const result = runScenario(
      { description: 'A call at 07:30 in New York waits until 08:00', compliance: ['us-federal'], input: anInput({ now: '2026-07-15T11:30:00Z' }), expect: { decision: 'act', action: 'sms' } },
      { policy },
    );
    expect(result.passed).toBe(false);
    expect(() => expect(result).toPassScenario()).toThrowErrorMatchingInlineSnapshot(`
      [Error: Expected scenario "A call at 07:30 in New York waits until 08:00" to pass, but:
        ✖ Expected the decision act, but it waits: call at 2026-07-15T12:00:00Z (policy rule "call-when-past-due")
        ✖ Expected the action sms, but it waits: call at 2026-07-15T12:00:00Z (policy rule "call-when-past-due")
      Candidates:
        1. call (policy rule "call-when-past-due"): deferred until 2026-07-15T12:00:00Z by us-fdcpa-convenient-hours
        2. sms (policy rule "sms-when-past-due"): deferred until 2026-07-15T12:00:00Z by us-fdcpa-convenient-hours]
    `);
    expect(() => expect(runScenario({ compliance: ['us-federal'], input: anInput(), expect: { decision: 'act', action: 'call' } }, { policy })).not.toPassScenario()).toThrowErrorMatchingInlineSnapshot(`[Error: Expected the scenario to fail, but it passed]`);
  });

  it('are plain functions that any expect.extend accepts', () => {
    expect(Object.keys(arrearsMatchers).sort()).toEqual(['toAct', 'toBeBlockedBy', 'toBePermitted', 'toDoNothing', 'toPassScenario', 'toWaitUntil']);
    const extended: string[] = [];
    registerMatchers({ extend: (matchers) => extended.push(...Object.keys(matchers)) });
    expect(extended).toHaveLength(6);
  });
});
