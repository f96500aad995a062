import type { PolicyDiff, SimulationReport } from '../testing/index.js';
import { ACTION_TYPES } from '../index.js';
import { oneOrMany, plural } from '../_lib/plural.js';

const percent = (part: number, whole: number) => (whole === 0 ? '0%' : `${Math.round((part / whole) * 1000) / 10}%`);

function table(rows: readonly (readonly string[])[], numeric: readonly number[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => `  ${row.map((text, column) => (numeric.includes(column) ? text.padStart(widths[column]!) : text.padEnd(widths[column]!))).join('  ')}`.trimEnd()).join('\n');
}

/** The text report of `arrears diff`. */
export function formatDiff(diff: PolicyDiff): string {
  const lines = [
    `Policy diff: ${plural(diff.loans, 'loan')}, ${plural(diff.changed, 'decision')} ${oneOrMany(diff.changed, 'changes', 'change')} (${percent(diff.changed, diff.loans)})`,
    `before ${diff.beforeHash}`,
    `after  ${diff.afterHash}`,
  ];
  if (diff.ruleChanges > 0) lines.push(`${plural(diff.ruleChanges, 'loan')} keep the same decision from another rule`);
  lines.push('');
  if (diff.changes.length === 0) lines.push('No decision changes.');
  else {
    lines.push('Changes:');
    lines.push(
      table(
        [
          ['from', 'to', 'loans', 'examples'],
          ...diff.changes.map((c) => [c.from, `→ ${c.to}`, String(c.count), c.examples.map((e) => `${e.loanId} (${e.product}, ${e.daysPastDue} dpd)`).join(', ')]),
        ],
        [2],
      ),
    );
  }
  lines.push('', 'By days past due:', table([['band', 'loans', 'changed'], ...diff.byBand.map((g) => [g.key, String(g.loans), String(g.changed)])], [1, 2]));
  lines.push('', 'By product:', table([['product', 'loans', 'changed'], ...diff.byProduct.map((g) => [g.key, String(g.loans), String(g.changed)])], [1, 2]));
  return `${lines.join('\n')}\n`;
}

/** The text report of `arrears simulate`. */
export function formatSimulation(report: SimulationReport): string {
  const used = ACTION_TYPES.filter((type) => report.perAction[type] > 0);
  const o = report.outcomes;
  const states = Object.entries(report.endStates)
    .filter(([, count]) => count > 0)
    .map(([state, count]) => `${count} ${state.replace('_', ' ')}`)
    .join(', ');
  const lines = [
    `Simulation: ${plural(report.loans, 'loan')}, ${plural(report.days, 'day')} from ${report.start}, seed ${report.seed}`,
    `${plural(report.decisions, 'decision')}, ${plural(report.actions, 'action')}${used.length === 0 ? '' : `: ${used.map((type) => `${type} ${report.perAction[type]}`).join(', ')}`}`,
    `Borrowers: ${plural(o.conversations, 'conversation')}, ${plural(o.promises, 'promise')}, ${plural(o.payments, 'payment')} (${o.amountPaid} paid), ${plural(o.stopRequests, 'stop request')}, ${plural(o.disputes, 'dispute')}, ${plural(o.hardshipPlans, 'hardship plan')} accepted`,
    `Ended: ${states === '' ? 'no loans' : states}`,
    report.violations.length === 0
      ? 'Violations: 0 (every action checked against every window, cap, cool-down, status and opt-out rule, independently of the guard)'
      : `Violations: ${report.violations.length}`,
  ];
  for (const v of report.violations.slice(0, 20)) lines.push(`  ✖ ${v.loanId} ${v.at} ${v.action} (policy rule "${v.policyRule}"): ${v.ruleId}: ${v.reason}`);
  if (report.violations.length > 20) lines.push(`  … and ${report.violations.length - 20} more (see --json)`);
  if (report.unverifiedRules.length > 0) lines.push(`Not re-checked (the guard's alone): ${report.unverifiedRules.join(', ')}`);
  lines.push('', 'Actions per day:');
  lines.push(table([['date', 'total', ...used], ...report.perDay.map((day) => [day.date, String(day.total), ...used.map((type) => String(day.actions[type]))])], [1, ...used.map((_, i) => i + 2)]));
  return `${lines.join('\n')}\n`;
}
