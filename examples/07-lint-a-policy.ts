/**
 * Linting a policy with `arrears/lint` (or `npx arrears lint policy.json`): errors are what stops
 * a policy from loading, with the fix; warnings are what loads but probably is not what you meant.
 * This policy misspells a fact, has a call band that can never fire, and leaves loans 31 to 60
 * days past due without any action.
 */
import { loadCompliance } from 'arrears';
import { formatLintResult, lintPolicy } from 'arrears/lint';
import { presets } from 'arrears/presets';

const policy = {
  rules: [
    {
      name: 'sms-1-30-dpd',
      conditions: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 1 }, { fact: 'daysPastDue', operator: 'lessThanInclusive', value: 30 }] },
      event: { type: 'candidate', params: { action: 'sms', rank: 30 } },
    },
    {
      name: 'call-8-30-dpd',
      conditions: { all: [{ fact: 'dayPastDue', operator: 'greaterThanInclusive', value: 8 }] },
      event: { type: 'candidate', params: { action: 'call', rank: 20 } },
    },
    {
      name: 'visit-from-61-dpd',
      conditions: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 90 }, { fact: 'daysPastDue', operator: 'lessThan', value: 61 }] },
      event: { type: 'candidate', params: { action: 'visit', rank: 18 } },
    },
    {
      name: 'letter-from-61-dpd',
      conditions: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 61 }] },
      event: { type: 'candidate', params: { action: 'letter', rank: 16 } },
    },
  ],
};

const result = lintPolicy(policy, { compliance: loadCompliance(presets['us-federal']) });
process.stdout.write(formatLintResult(result, 'policy.json'));
console.log(result.errorCount > 0 ? 'The policy does not load: fix the errors first.' : 'The policy loads.');

// Output:
// policy.json
//   error    rules[1].conditions.all[0].fact  Unknown fact "dayPastDue" (did you mean "daysPastDue"?)  unknown_fact
//   warning  rules[2].conditions.all[1]       Rule "visit-from-61-dpd" can never fire: daysPastDue lessThan 61 contradicts daysPastDue greaterThanInclusive 90  unreachable_rule
//   warning  rules                            No candidate rule can fire at days past due 31–60: loans there get no action  dpd_gap
//
// 1 error, 2 warnings
// The policy does not load: fix the errors first.
