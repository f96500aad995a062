/**
 * The default policy (rules/policies/default.json) written by hand as plain `if`s: the practical
 * speed limit for its rules (PERFORMANCE.md variant (d)). Not shipped. It must fire exactly the
 * rules the policy fires: the benchmark checks it against `arrears.decide` on every generated
 * loan, and test/policy/hand-written.test.ts against `evaluatePolicy` on generated fact sets.
 *
 * The facts are those `deriveFacts` gives (numbers, or null where nothing is known), so
 * json-rules-engine's numeric operators read "a number and the comparison holds": a null fact
 * never passes `lessThan`, although `null < 300` is true in JavaScript.
 */
import type { FactValue, FiredRule, Policy } from '../src/index.js';

type Facts = Readonly<Record<string, FactValue>>;

const RULES = [
  'hold-while-promise-active',
  'hold-after-recent-payment',
  'hold-low-risk-self-cure',
  'hardship-offer-on-income-loss',
  'hardship-offer-after-broken-promises',
  'reminder-sms-1-7-dpd',
  'reminder-email-1-7-dpd',
  'high-risk-call-1-7-dpd',
  'call-8-30-dpd',
  'sms-fallback-8-30-dpd',
  'follow-up-sms-8-30-dpd',
  'email-statement-8-30-dpd',
  'call-31-90-dpd',
  'sms-31-90-dpd',
  'field-visit-from-61-dpd',
  'auto-loan-visit-from-45-dpd',
  'demand-letter-over-90-dpd',
  'legal-step-over-90-dpd',
  'call-over-90-dpd',
  'sms-over-90-dpd',
  'agency-placement-over-120-dpd',
] as const;

/** The fired entries of the default policy, in rule order, for {@link handWrittenRules}. */
export function firedEntries(policy: Policy): readonly FiredRule[] {
  const names = policy.rules.map((rule) => rule.name);
  if (names.join('\n') !== RULES.join('\n')) throw new Error('The hand-written rules are for rules/policies/default.json only');
  return Object.freeze(policy.rules.map((rule) => Object.freeze({ rule: rule.name, event: rule.event })));
}

const num = (value: FactValue | undefined): number | null => (typeof value === 'number' ? value : null);

/** The rules of the default policy that fire on `facts`, appended to `out` in rule order. */
export function handWrittenRules(facts: Facts, out: FiredRule[], fired: readonly FiredRule[]): void {
  const dpd = facts['daysPastDue'] as number;
  const balance = facts['balance'] as number;
  const currency = facts['currency'];
  const risk = num(facts['riskScore']);
  const callsToday = facts['callAttempts24h'] as number;
  const unanswered = facts['consecutiveUnansweredCalls'] as number;
  const broken = facts['promisesBroken'] as number;
  const sms = num(facts['hoursSinceLastSms']);
  const email = num(facts['hoursSinceLastEmail']);
  const visit = num(facts['hoursSinceLastVisit']);
  const letter = num(facts['hoursSinceLastLetter']);
  const plan = num(facts['hoursSinceLastHardshipPlan']);
  const visitWorthIt = currency === 'CNY' ? balance >= 5000 : currency === 'USD' ? balance >= 1000 : balance >= 5000;
  const legalWorthIt = currency === 'CNY' ? balance >= 20000 : currency === 'USD' ? balance >= 3000 : balance >= 20000;

  if (facts['activePromise'] === true) out.push(fired[0]!);
  if (dpd >= 1 && dpd <= 30) {
    const payment = num(facts['daysSinceLastPayment']);
    if (payment !== null && payment <= 2) out.push(fired[1]!);
  }
  if (dpd >= 1 && dpd <= 3 && risk !== null && risk < 300 && broken === 0) out.push(fired[2]!);
  if (dpd >= 1 && facts['onHardshipPlan'] === false && (plan === null || plan >= 720)) {
    if (facts['attributes.incomeLoss'] === true) out.push(fired[3]!);
    if (broken >= 2) out.push(fired[4]!);
  }
  if (dpd >= 1 && dpd <= 7) {
    if (sms === null || sms >= 48) out.push(fired[5]!);
    if (dpd >= 3 && (email === null || email >= 72)) out.push(fired[6]!);
    if (risk !== null && risk >= 700 && callsToday < 2) out.push(fired[7]!);
  } else if (dpd >= 8 && dpd <= 30) {
    if (unanswered < 3 && callsToday < 3) out.push(fired[8]!);
    if (unanswered >= 3 && (sms === null || sms >= 24)) out.push(fired[9]!);
    if (sms === null || sms >= 72) out.push(fired[10]!);
    if (email === null || email >= 168) out.push(fired[11]!);
  } else if (dpd >= 31 && dpd <= 90) {
    if (callsToday < 3) out.push(fired[12]!);
    if (sms === null || sms >= 48) out.push(fired[13]!);
  }
  const visitDue = visit === null || visit >= 336;
  if (dpd >= 61 && facts['addressVerified'] === true && visitWorthIt && visitDue) out.push(fired[14]!);
  if (dpd >= 45 && dpd <= 60 && facts['product'] === 'auto' && facts['addressVerified'] === true && visitDue) out.push(fired[15]!);
  if (dpd >= 91) {
    if (letter === null || letter >= 720) out.push(fired[16]!);
    if (legalWorthIt && letter !== null && letter >= 360 && facts['hoursSinceLastLegal'] === null) out.push(fired[17]!);
    if (callsToday < 2) out.push(fired[18]!);
    if (sms === null || sms >= 72) out.push(fired[19]!);
    if (dpd >= 121 && unanswered >= 10 && facts['hoursSinceLastAgency'] === null && facts['hoursSinceLastLegal'] === null) out.push(fired[20]!);
  }
}
