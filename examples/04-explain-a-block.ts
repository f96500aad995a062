/**
 * Why nothing may be done: the borrower filed for bankruptcy, so the automatic stay blocks every
 * collection action. `explain` turns the decision into sentences an auditor can read, each
 * block with the compliance rule and its citation.
 */
import { readFileSync } from 'node:fs';
import { decide, explain, loadCompliance, loadPolicy } from 'arrears';
import { presets } from 'arrears/presets';

const policy = loadPolicy(JSON.parse(readFileSync(new URL('../rules/policies/default.json', import.meta.url), 'utf8')));
const compliance = loadCompliance(presets['us-federal']);

const decision = decide(
  {
    now: '2026-07-15T16:00:00Z', // noon in New York
    loan: {
      id: 'L-3001',
      product: 'credit_card',
      currency: 'USD',
      balance: 8700,
      amountOverdue: 1900,
      oldestUnpaidDueDate: '2026-05-11',
      borrower: {
        id: 'B-31',
        timeZone: 'America/New_York',
        statuses: [{ type: 'bankruptcy', from: '2026-07-06T13:30:00Z' }],
      },
    },
    history: [{ type: 'contact', at: '2026-07-01T15:00:00Z', channel: 'call', direction: 'outbound', outcome: 'no_answer' }],
  },
  { policy, compliance },
);

console.log(decision.type); // 'none': every candidate is blocked
console.log(explain(decision));

// Output:
// none
// Loan L-3001 at 2026-07-15T16:00:00Z: no action is permitted.
// Facts: daysPastDue = 65, balance = 8700, riskScore = null, product = "credit_card", currency = "USD", addressVerified = false, callAttempts24h = 0, consecutiveUnansweredCalls = 1, hoursSinceLastSms = null, hoursSinceLastEmail = null, hoursSinceLastVisit = null, hoursSinceLastLetter = null, hoursSinceLastLegal = null, hoursSinceLastAgency = null, hoursSinceLastHardshipPlan = null, promisesBroken = 0, activePromise = false, daysSinceLastPayment = null, onHardshipPlan = false, attributes.incomeLoss = null.
// 1. call (policy rule "call-31-90-dpd", rank 20): blocked by us-bankruptcy-automatic-stay (11 U.S.C. 362(a)(6)): Status "bankruptcy" holds from 2026-07-06T13:30:00Z with no end.
// 2. SMS (policy rule "sms-31-90-dpd", rank 30): blocked by us-bankruptcy-automatic-stay (11 U.S.C. 362(a)(6)): Status "bankruptcy" holds from 2026-07-06T13:30:00Z with no end.
// Policy sha256:c59a64e2e3e78e59a0edd075b368c7e2b51651cd33272959d5581de4aa07ee07; compliance sha256:48df8e3e3a28a9d90bcb8473fb7b947187989db94993a366ccd5f94cd333bf67; arrears 0.1.0.
