/**
 * A month of collections, simulated (or `npx arrears simulate --portfolio loans.json --days 30
 * --html month.html`): every loan is decided, every permitted action taken, borrowers answer,
 * promise and pay by a seeded generator, and an independent checker, which never calls the guard,
 * confirms that no window, cap, cool-down, status or opt-out was ever broken. Same seed, same
 * month: the numbers below are reproducible.
 */
import { readFileSync } from 'node:fs';
import { loadCompliance, loadPolicy } from 'arrears';
import type { Compliance, DecisionInput } from 'arrears';
import { presets, type PresetId } from 'arrears/presets';
import { simulate } from 'arrears/testing';

const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const portfolio = (readJson('./data/portfolio.json') as { loans: { compliance: PresetId[]; input: DecisionInput }[] }).loans;
// Each loan names its presets; load each combination once.
const loaded = new Map<string, Compliance>();
const complianceOf = (_input: DecisionInput, i: number): Compliance => {
  const ids = portfolio[i]!.compliance;
  let compliance = loaded.get(ids.join('+'));
  if (compliance === undefined) loaded.set(ids.join('+'), (compliance = loadCompliance(ids.map((id) => presets[id]))));
  return compliance;
};

const report = simulate(
  portfolio.map((loan) => loan.input),
  {
    policy: loadPolicy(readJson('../rules/policies/default.json')),
    compliance: complianceOf,
    start: '2026-07-16T00:00:00Z',
    days: 30,
    seed: 7,
  },
);

console.log(`${report.loans} loans, ${report.days} days: ${report.decisions} decisions, ${report.actions} actions`);
console.log(`calls ${report.perAction.call}, SMS ${report.perAction.sms}, e-mails ${report.perAction.email}, visits ${report.perAction.visit}`);
console.log(`busiest day: ${[...report.perDay].sort((a, b) => b.total - a.total || a.day - b.day)[0]!.date}`);
console.log(`borrowers: ${report.outcomes.promises} promises, ${report.outcomes.payments} payments`);
console.log(`ended: ${Object.entries(report.endStates).map(([state, count]) => `${state} ${count}`).join(', ')}`);
console.log(`violations: ${report.violations.length}`);

// Output:
// 37 loans, 30 days: 1013 decisions, 485 actions
// calls 201, SMS 231, e-mails 40, visits 3
// busiest day: 2026-07-16
// borrowers: 28 promises, 27 payments
// ended: cured 27, promise_pending 0, hardship_plan 2, disputed 0, in_arrears 8
// violations: 0
