/**
 * Your first decision: a cash loan 25 days past due in Shanghai, the bundled example policy and
 * the `cn` compliance preset. Run it with `npx tsx examples/01-first-decision.ts`.
 */
import { readFileSync } from 'node:fs';
import { decide, loadCompliance, loadPolicy } from 'arrears';
import { presets } from 'arrears/presets';

// Load the documents once and share them: loading validates, compiles and hashes them.
const policy = loadPolicy(JSON.parse(readFileSync(new URL('../rules/policies/default.json', import.meta.url), 'utf8')));
const compliance = loadCompliance(presets.cn);

const decision = decide(
  {
    now: '2026-07-15T02:00:00Z', // 10:00 in Shanghai
    loan: {
      id: 'L-1001',
      product: 'cash_loan',
      currency: 'CNY',
      balance: 8400,
      amountOverdue: 1200,
      oldestUnpaidDueDate: '2026-06-20',
      borrower: { id: 'B-77', timeZone: 'Asia/Shanghai' },
    },
    history: [
      { type: 'contact', at: '2026-07-14T02:05:00Z', channel: 'call', direction: 'outbound', outcome: 'no_answer' },
      { type: 'contact', at: '2026-07-13T01:00:00Z', channel: 'sms', direction: 'outbound', outcome: 'delivered' },
    ],
  },
  { policy, compliance },
);

if (decision.type === 'none') {
  console.log('No action is permitted');
} else {
  console.log(`${decision.type}: ${decision.action.type} at ${decision.at} (policy rule "${decision.action.rule}")`);
  console.log(`template: ${String(decision.action.params['template'])}`);
}
console.log('candidates:');
for (const { action, verdict } of decision.candidates) {
  console.log(`  ${action.type.padEnd(6)} ${verdict.type}`);
}

// Output:
// act: call at 2026-07-15T02:00:00Z (policy rule "call-8-30-dpd")
// template: call-collections-early
// candidates:
//   call   permitted
//   email  permitted
