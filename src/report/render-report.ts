import { oneOrMany, plural } from '../_lib/plural.js';
import type { PolicyDiff } from '../diff/diff-policies.js';
import { ACTION_TYPES, type ActionType } from '../domain/vocabulary.js';
import { END_STATES, type SimulationReport } from '../simulate/simulate.js';
import { escapeHtml, stackedBarChart } from './svg.js';

/** Okabe–Ito colours: distinguishable with every common colour-vision deficiency. */
const ACTION_COLOURS: Record<ActionType, string> = {
  sms: '#0072B2',
  email: '#56B4E9',
  call: '#E69F00',
  visit: '#009E73',
  letter: '#CC79A7',
  legal: '#D55E00',
  agency: '#7F7F7F',
  hardship_plan: '#F0E442',
};

const STYLE = `
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; margin: 0; background: #f6f8fa; }
main { max-width: 1000px; margin: 0 auto; padding: 24px; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
.meta { color: #57606a; font-size: 12px; word-break: break-all; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.card { border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 14px; min-width: 120px; }
.card b { display: block; font-size: 20px; }
.ok { color: #1a7f37; } .bad { color: #cf222e; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eaeef2; vertical-align: top; }
th { background: #f6f8fa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.nowrap { white-space: nowrap; }
figure { margin: 8px 0; } figcaption { font-weight: 600; margin-bottom: 4px; }
svg.chart { max-width: 100%; height: auto; display: block; }
svg .grid { stroke: #eaeef2; } svg .axis { stroke: #57606a; }
svg text { font: 11px system-ui, sans-serif; fill: #57606a; }
.legend { display: flex; flex-wrap: wrap; gap: 12px; font-size: 12px; margin-top: 4px; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 4px; border-radius: 2px; vertical-align: middle; }
`;

function page(title: string, meta: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${meta}</p>
${body}
</main>
</body>
</html>
`;
}

const card = (label: string, value: string | number, tone = '') => `<div class="card"><span>${escapeHtml(label)}</span><b class="${tone}">${escapeHtml(String(value))}</b></div>`;
const cell = (value: string | number, numeric = false) => `<td${numeric ? ' class="num"' : ''}>${escapeHtml(String(value))}</td>`;
const head = (names: readonly string[], numeric: readonly number[] = []) => `<tr>${names.map((name, i) => `<th${numeric.includes(i) ? ' class="num"' : ''}>${escapeHtml(name)}</th>`).join('')}</tr>`;

/**
 * Options of the HTML report renderers.
 * @category Simulate
 */
export interface ReportOptions {
  /** The page title. */
  title?: string | undefined;
}

/** At most this many loan rows; the JSON report has them all. */
const MAX_ROWS = 500;

/**
 * Renders a {@link SimulationReport} as one self-contained HTML page: inline CSS and inline SVG
 * charts (actions per day, stacked by action; where loans ended up), the violations found
 * (expected: none) and one row per loan. Pure: no DOM, no network; open the file in any browser.
 * @param report - What {@link simulate} returned.
 * @param options - {@link ReportOptions}.
 * @returns The HTML text.
 * @example
 * ```ts
 * writeFileSync('simulation.html', renderSimulationReport(simulate(portfolio, options)));
 * ```
 * @category Simulate
 */
export function renderSimulationReport(report: SimulationReport, options: ReportOptions = {}): string {
  const title = options.title ?? `Simulation: ${plural(report.loans, 'loan')} over ${plural(report.days, 'day')}`;
  const meta = `${escapeHtml(report.start)} to ${escapeHtml(report.end)} · seed ${report.seed} · policy ${escapeHtml(report.policyHash)} · compliance ${report.complianceHashes.map(escapeHtml).join(', ')}`;
  const used = ACTION_TYPES.filter((type) => report.perAction[type] > 0);
  const perDay = stackedBarChart({
    id: 'actions-per-day',
    title: 'Actions per day, by action',
    categories: report.perDay.map((day) => day.date.slice(5)),
    series: (used.length > 0 ? used : ACTION_TYPES).map((type) => ({ key: type, label: type, color: ACTION_COLOURS[type], values: report.perDay.map((day) => day.actions[type]) })),
    labelEvery: Math.max(1, Math.ceil(report.perDay.length / 16)),
  });
  const states = stackedBarChart({
    id: 'end-states',
    title: 'Where loans ended up',
    categories: END_STATES.map((state) => state.replace('_', ' ')),
    series: [{ key: 'loans', label: 'loans', color: '#0072B2', values: END_STATES.map((state) => report.endStates[state]) }],
    height: 240,
  });
  const violations =
    report.violations.length === 0
      ? `<p class="ok">No violations: every action respected every window, cap, cool-down, status and opt-out rule, checked independently of the guard.</p>`
      : `<p class="bad">${plural(report.violations.length, 'violation')} found by the independent checker.</p><table>${head(['Loan', 'At', 'Action', 'Policy rule', 'Compliance rule', 'Why'])}${report.violations
          .map((v) => `<tr>${cell(v.loanId)}${cell(v.at)}${cell(v.action)}${cell(v.policyRule)}${cell(`${v.ruleId} (${v.citation})`)}${cell(v.reason)}</tr>`)
          .join('')}</table>`;
  const unverified = report.unverifiedRules.length === 0 ? '' : `<p class="meta">Not re-checked by the simulation (their kinds are the guard's alone): ${report.unverifiedRules.map(escapeHtml).join(', ')}.</p>`;
  const o = report.outcomes;
  const loans = report.loanResults
    .slice(0, MAX_ROWS)
    .map((l) => `<tr>${cell(l.loanId)}${cell(l.product)}${cell(l.daysPastDueAtStart, true)}${cell(l.daysPastDueAtEnd, true)}${cell(l.actions, true)}${cell(l.amountOverdueAtStart, true)}${cell(l.amountOverdueAtEnd, true)}${cell(l.state.replace('_', ' '))}</tr>`)
    .join('');
  const body = `<div class="cards">${card('Loans', report.loans)}${card('Decisions', report.decisions)}${card('Actions', report.actions)}${card('Violations', report.violations.length, report.violations.length === 0 ? 'ok' : 'bad')}${card('Cured', report.endStates.cured)}</div>
<h2>Actions</h2>
${perDay}
<table>${head(['Action', 'Taken'], [1])}${ACTION_TYPES.map((type) => `<tr>${cell(type)}${cell(report.perAction[type], true)}</tr>`).join('')}</table>
<h2>Compliance</h2>
${violations}${unverified}
<h2>Borrowers</h2>
<table>${head(['Conversations', 'Promises', 'Payments', 'Amount paid', 'Stop requests', 'Disputes', 'Hardship plans'], [0, 1, 2, 3, 4, 5, 6])}<tr>${[o.conversations, o.promises, o.payments, o.amountPaid, o.stopRequests, o.disputes, o.hardshipPlans].map((n) => cell(n, true)).join('')}</tr></table>
${states}
<h2>Loans</h2>
<table>${head(['Loan', 'Product', 'Days past due at start', 'at end', 'Actions', 'Overdue at start', 'at end', 'End state'], [2, 3, 4, 5, 6])}${loans}</table>${report.loanResults.length > MAX_ROWS ? `<p class="meta">First ${MAX_ROWS} of ${report.loanResults.length} loans.</p>` : ''}`;
  return page(title, meta, body);
}

/**
 * Renders a {@link PolicyDiff} as one self-contained HTML page: inline CSS, an inline SVG chart
 * of changed and unchanged decisions by days-past-due band, the changes with example loans, and
 * the changes by product. Pure: no DOM, no network.
 * @param diff - What {@link diffPolicies} returned.
 * @param options - {@link ReportOptions}.
 * @returns The HTML text.
 * @example
 * ```ts
 * writeFileSync('diff.html', renderDiffReport(diffPolicies(portfolio, options)));
 * ```
 * @category Diff
 */
export function renderDiffReport(diff: PolicyDiff, options: ReportOptions = {}): string {
  const title = options.title ?? `Policy diff: ${diff.changed} of ${plural(diff.loans, 'decision')} ${oneOrMany(diff.changed, 'changes', 'change')}`;
  const meta = `before ${escapeHtml(diff.beforeHash)} · after ${escapeHtml(diff.afterHash)}`;
  const chart = stackedBarChart({
    id: 'changes-by-band',
    title: 'Decisions by days past due: changed and unchanged',
    categories: diff.byBand.map((band) => band.key),
    series: [
      { key: 'changed', label: 'changed', color: '#D55E00', values: diff.byBand.map((band) => band.changed) },
      { key: 'unchanged', label: 'unchanged', color: '#BBBBBB', values: diff.byBand.map((band) => band.loans - band.changed) },
    ],
    height: 280,
  });
  const changes =
    diff.changes.length === 0
      ? '<p class="ok">No decision changes.</p>'
      : `<table>${head(['From', 'To', 'Loans', 'Examples'], [2])}${diff.changes
          .map(
            (change) =>
              `<tr><td class="nowrap">${escapeHtml(change.from)}</td><td class="nowrap">${escapeHtml(change.to)}</td>${cell(change.count, true)}${cell(
                change.examples.map((e) => `${e.loanId} (${e.product}, ${e.daysPastDue} dpd: ${e.before.rule ?? e.before.hold ?? '—'} → ${e.after.rule ?? e.after.hold ?? '—'})`).join('; '),
              )}</tr>`,
          )
          .join('')}</table>`;
  const products = `<table>${head(['Product', 'Loans', 'Changed'], [1, 2])}${diff.byProduct.map((group) => `<tr>${cell(group.key)}${cell(group.loans, true)}${cell(group.changed, true)}</tr>`).join('')}</table>`;
  const body = `<div class="cards">${card('Loans', diff.loans)}${card('Changed', diff.changed, diff.changed === 0 ? 'ok' : 'bad')}${card('Unchanged', diff.unchanged)}${card('Same action, other rule', diff.ruleChanges)}</div>
<h2>By days past due</h2>
${chart}
<h2>Changes</h2>
${changes}
<h2>By product</h2>
${products}`;
  return page(title, meta, body);
}
