/**
 * A policy of your own: two json-rules-engine rules, written inline. Large balances get a call,
 * every overdue loan gets an SMS; a lower `rank` is preferred. The `us-federal` preset still
 * judges every candidate: a call within 7 days of a conversation waits (Regulation F).
 */
import { decide, loadCompliance, loadPolicy } from 'arrears';
import type { DecisionInput } from 'arrears';
import { presets } from 'arrears/presets';

const policy = loadPolicy({
  rules: [
    {
      name: 'call-large-balances',
      conditions: {
        all: [
          { fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 5 },
          { fact: 'balance', operator: 'greaterThanInclusive', value: 5000 },
        ],
      },
      event: { type: 'candidate', params: { action: 'call', rank: 10 } },
    },
    {
      name: 'sms-reminder',
      conditions: {
        all: [
          { fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 1 },
          { any: [{ fact: 'hoursSinceLastSms', operator: 'equal', value: null }, { fact: 'hoursSinceLastSms', operator: 'greaterThanInclusive', value: 48 }] },
        ],
      },
      event: { type: 'candidate', params: { action: 'sms', rank: 20, template: 'reminder' } },
    },
  ],
});
const compliance = loadCompliance(presets['us-federal']);

const now = '2026-07-15T15:00:00Z'; // 11:00 in New York
const loan = (id: string, balance: number): DecisionInput['loan'] => ({
  id,
  product: 'personal_loan',
  currency: 'USD',
  balance,
  amountOverdue: 600,
  oldestUnpaidDueDate: '2026-07-01',
  borrower: { id: `B-${id}`, timeZone: 'America/New_York' },
});
// Both borrowers spoke to a collector on Monday 13 July.
const history: DecisionInput['history'] = [{ type: 'contact', at: '2026-07-13T14:10:00Z', channel: 'call', direction: 'outbound', outcome: 'conversation' }];

for (const input of [{ now, loan: loan('L-501', 6200), history }, { now, loan: loan('L-502', 900), history }]) {
  const decision = decide(input, { policy, compliance });
  const what = decision.type === 'none' ? 'no action' : `${decision.action.type} at ${decision.at}`;
  console.log(`${input.loan.id} (balance ${input.loan.balance}): ${decision.type}, ${what}`);
  for (const { action, verdict } of decision.candidates) {
    const why = verdict.type === 'permitted' ? '' : ` by ${verdict.by.map((ref) => ref.id).join(', ')}`;
    console.log(`  ${action.rule}: ${action.type} ${verdict.type}${verdict.type === 'deferred' ? ` until ${verdict.until}` : ''}${why}`);
  }
}

// Output:
// L-501 (balance 6200): act, sms at 2026-07-15T15:00:00Z
//   call-large-balances: call deferred until 2026-07-20T12:00:00Z by us-reg-f-conversation-cool-down
//   sms-reminder: sms permitted
// L-502 (balance 900): act, sms at 2026-07-15T15:00:00Z
//   sms-reminder: sms permitted
