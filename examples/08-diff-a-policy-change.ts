/**
 * "What changes if we ship this?" `diffPolicies` (or `npx arrears diff old.json new.json
 * --portfolio loans.json`) decides every loan of a portfolio under the policy in force and the
 * proposed one, and reports the decisions that change, by days-past-due band and product, with
 * example loans. The proposal here starts calling at 6 days past due instead of 8.
 */
import { readFileSync } from 'node:fs';
import { loadCompliance, loadPolicy } from 'arrears';
import type { Compliance, DecisionInput, PolicyRule } from 'arrears';
import { presets, type PresetId } from 'arrears/presets';
import { diffPolicies } from 'arrears/testing';

const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const portfolio = (readJson('./data/portfolio.json') as { loans: { compliance: PresetId[]; input: DecisionInput }[] }).loans;

const current = loadPolicy(readJson('../rules/policies/default.json'));
const startCallsAt6 = (rule: PolicyRule): PolicyRule =>
  rule.name === 'call-8-30-dpd'
    ? { ...rule, name: 'call-6-30-dpd', conditions: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 6 }, ...(rule.conditions as { all: unknown[] }).all.slice(1)] } }
    : rule;
const proposed = loadPolicy({ rules: current.rules.map(startCallsAt6) });

// Each loan names its presets; load each combination once.
const loaded = new Map<string, Compliance>();
const complianceOf = (_input: DecisionInput, i: number): Compliance => {
  const ids = portfolio[i]!.compliance;
  let compliance = loaded.get(ids.join('+'));
  if (compliance === undefined) loaded.set(ids.join('+'), (compliance = loadCompliance(ids.map((id) => presets[id]))));
  return compliance;
};
const diff = diffPolicies(
  portfolio.map((loan) => loan.input),
  { before: current, after: proposed, compliance: complianceOf },
);

console.log(`${diff.changed} of ${diff.loans} decisions change; ${diff.ruleChanges} keep their decision from the renamed rule`);
for (const change of diff.changes) {
  console.log(`${change.from} → ${change.to}: ${change.count} (${change.examples.map((e) => `${e.loanId}, ${e.daysPastDue} days past due`).join('; ')})`);
}
for (const band of diff.byBand.filter((group) => group.loans > 0)) console.log(`  ${band.key.padEnd(7)} ${band.changed} of ${band.loans} changed`);

// Output:
// 1 of 37 decisions change; 5 keep their decision from the renamed rule
// act sms → act call: 1 (CN-1016, 7 days past due)
//   1–7     1 of 7 changed
//   8–30    0 of 12 changed
//   31–60   0 of 8 changed
//   61–90   0 of 5 changed
//   91–120  0 of 2 changed
//   121+    0 of 3 changed
