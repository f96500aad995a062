/**
 * The guard alone, without a policy: may we call this borrower now? At 07:59 in New York the
 * answer is "not yet": the call is deferred to 08:00 local time, the start of the convenient
 * hours of the FDCPA and Regulation F.
 */
import { check, explain, loadCompliance } from 'arrears';
import { presets } from 'arrears/presets';

const compliance = loadCompliance(presets['us-federal']);

const input = {
  now: '2026-07-15T11:59:00Z', // 07:59 in New York (EDT, UTC−4)
  loan: {
    id: 'L-2001',
    product: 'personal_loan',
    currency: 'USD',
    balance: 2400,
    amountOverdue: 300,
    oldestUnpaidDueDate: '2026-06-20',
    borrower: { id: 'B-12', timeZone: 'America/New_York' },
  },
  history: [],
};

const verdict = check({ ...input, action: { type: 'call' } }, { compliance });
console.log(JSON.stringify(verdict, null, 2));
console.log(explain(verdict));

// At 08:00 the call is permitted. Params are passed as a policy would give them: an SMS that
// replies to the borrower is still held to the same hours at 07:59.
console.log(check({ ...input, now: '2026-07-15T12:00:00Z', action: { type: 'call' } }, { compliance }).type);
console.log(check({ ...input, action: { type: 'sms', params: { purpose: 'reply_to_borrower', address: '+15551234567' } } }, { compliance }).type);

// Output:
// {
//   "type": "deferred",
//   "until": "2026-07-15T12:00:00Z",
//   "by": [
//     {
//       "id": "us-fdcpa-convenient-hours",
//       "citation": "12 CFR 1006.6(b)(1)(i); 15 U.S.C. 1692c(a)(1)",
//       "reason": "Local time in America/New_York is 07:59 on Wed 2026-07-15: permitted 08:00–21:00"
//     }
//   ]
// }
// Deferred until 2026-07-15T12:00:00Z by us-fdcpa-convenient-hours (12 CFR 1006.6(b)(1)(i); 15 U.S.C. 1692c(a)(1)): Local time in America/New_York is 07:59 on Wed 2026-07-15: permitted 08:00–21:00.
// permitted
// deferred
