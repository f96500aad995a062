/**
 * Invalid input throws an `ArrearsValidationError` listing every issue with its path, never the
 * borrower's data. Catch it to report the issues (here: a status date that is not an instant,
 * an unknown channel and a negative amount).
 */
import { check, isArrearsValidationError, loadCompliance } from 'arrears';
import type { CheckInput } from 'arrears';
import { presets } from 'arrears/presets';

const compliance = loadCompliance(presets.cn);

// Input usually arrives as JSON from elsewhere: `check` validates it before judging anything.
const input: unknown = JSON.parse(`{
  "now": "2026-07-15T02:00:00Z",
  "loan": {
    "id": "L-4001", "product": "cash_loan", "currency": "CNY", "balance": 8400, "amountOverdue": 1200,
    "borrower": { "id": "B-41", "timeZone": "Asia/Shanghai", "statuses": [{ "type": "dispute", "from": "2026-07-01" }] }
  },
  "history": [
    { "type": "contact", "at": "2026-07-14T02:05:00Z", "channel": "wechat", "direction": "outbound", "outcome": "delivered" },
    { "type": "payment", "at": "2026-07-10T09:00:00Z", "amount": -300 }
  ],
  "action": { "type": "call" }
}`);

try {
  check(input as CheckInput, { compliance });
} catch (error) {
  if (!isArrearsValidationError(error)) throw error;
  console.log(`${error.code} in the ${error.document}:`);
  for (const issue of error.issues) console.log(`  ${issue.path} [${issue.code}] ${issue.message}`);
  console.log();
  console.log(error.message); // the same issues, formatted for people
}

// Output:
// INVALID_INPUT in the input:
//   loan.borrower.statuses[0].from [invalid_format] Expected an ISO-8601 instant with an offset or `Z` (2026-07-15T13:30:00Z)
//   history[0].channel [invalid_value] Invalid option: expected one of "sms"|"email"|"call"|"visit"|"letter"
//   history[1].amount [too_small] Too small: expected number to be >=0
//
// Invalid input (3 issues)
// ✖ Expected an ISO-8601 instant with an offset or `Z` (2026-07-15T13:30:00Z)
//   → at loan.borrower.statuses[0].from
// ✖ Invalid option: expected one of "sms"|"email"|"call"|"visit"|"letter"
//   → at history[0].channel
// ✖ Too small: expected number to be >=0
//   → at history[1].amount
