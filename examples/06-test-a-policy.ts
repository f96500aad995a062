/**
 * Testing a policy with `arrears/testing`: builders make loans and histories with sensible
 * defaults (a USD loan 25 days past due, a borrower in New York, `now` at 11:00 there), so a test
 * says only what matters to it. In a vitest file, register the matchers once
 * (`expect.extend(arrearsMatchers)`) and write `expect(decision).toAct('call')`; here the same
 * checks run as scenarios, which is also how JSON scenario files are run.
 */
import { decide, loadCompliance, loadPolicy } from 'arrears';
import { presets } from 'arrears/presets';
import { aCall, aHistory, anInput, runScenario } from 'arrears/testing';

const policy = loadPolicy({
  rules: [
    {
      name: 'call-from-8-dpd',
      conditions: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 8 }] },
      event: { type: 'candidate', params: { action: 'call', rank: 10 } },
    },
    {
      name: 'sms-from-1-dpd',
      conditions: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 1 }] },
      event: { type: 'candidate', params: { action: 'sms', rank: 20 } },
    },
  ],
});
const compliance = loadCompliance(presets['us-federal']);

// One unanswered call a day, 9 to 15 July: the eighth call in seven days must wait (Regulation F).
const sevenCalls = aHistory([9, 10, 11, 12, 13, 14, 15].map((day) => aCall(`2026-07-${String(day).padStart(2, '0')}T13:00:00Z`)));

const decision = decide(anInput({ loan: { daysPastDue: 12 }, history: sevenCalls }), { policy, compliance });
console.log(`12 days past due after seven calls: ${decision.type} ${decision.type === 'none' ? '' : decision.action.type}`);

const scenarios = [
  { description: 'A loan 3 days past due gets an SMS', input: anInput({ loan: { daysPastDue: 3 } }), expect: { decision: 'act', action: 'sms' } },
  { description: 'A call at 07:30 in New York waits until 08:00', input: anInput({ now: '2026-07-15T11:30:00Z' }), expect: { decision: 'wait', action: 'call', at: '2026-07-15T12:00:00Z' } },
  { description: 'The eighth call in seven days is held back', input: anInput({ history: sevenCalls }), expect: { decision: 'act', action: 'sms', heldBy: ['us-reg-f-7-in-7'] } },
  { description: 'A wrong expectation fails and says why', input: anInput(), expect: { decision: 'act', action: 'visit' } },
];
for (const scenario of scenarios) {
  const result = runScenario(scenario, { policy, compliance });
  console.log(`${result.passed ? '✔' : '✖'} ${result.name}`);
  for (const failure of result.failures) console.log(`    ${failure}`);
}

// Output:
// 12 days past due after seven calls: act sms
// ✔ A loan 3 days past due gets an SMS
// ✔ A call at 07:30 in New York waits until 08:00
// ✔ The eighth call in seven days is held back
// ✖ A wrong expectation fails and says why
//     Expected the action visit, but it acts: call now (policy rule "call-from-8-dpd")
