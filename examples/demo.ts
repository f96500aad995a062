/**
 * `npm run demo`: decides every loan of a sample portfolio with the bundled default policy and
 * prints one line per loan, a summary, and the explanation of one decision.
 *
 * The portfolio's `now` (2026-07-16T01:30Z) is 09:30 in Shanghai but 21:30 the evening before in
 * New York: loans there wait for the window to open, while Chicago and Los Angeles are still in it.
 */
import { readFileSync } from 'node:fs';
import { decide, explain, loadCompliance, loadPolicy } from 'arrears';
import type { Compliance, Decision, DecisionInput } from 'arrears';
import { presets, type PresetId } from 'arrears/presets';

interface Portfolio {
  now: string;
  loans: { compliance: PresetId[]; input: DecisionInput }[];
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

const portfolio = readJson('./data/portfolio.json') as Portfolio;
const policy = loadPolicy(readJson('../rules/policies/default.json'));

// Load each combination of presets once: loading validates and hashes the documents.
const loaded = new Map<string, Compliance>();
function complianceFor(ids: readonly PresetId[]): Compliance {
  const key = ids.join('+');
  let compliance = loaded.get(key);
  if (compliance === undefined) {
    compliance = loadCompliance(ids.map((id) => presets[id]));
    loaded.set(key, compliance);
  }
  return compliance;
}

/** `2026-07-16 08:00 America/New_York`: the instant on the borrower's wall clock. */
function localTime(iso: string, timeZone: string): string | undefined {
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(new Date(iso));
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} ${timeZone}`;
  } catch {
    return undefined; // not a zone Intl knows
  }
}

function when(decision: Decision, input: DecisionInput): string {
  if (decision.type === 'none') return '—';
  if (decision.type === 'act') return 'now';
  const zone = input.loan.borrower.timeZone ?? input.loan.borrower.timeZones?.[0];
  const local = zone === undefined ? undefined : localTime(decision.at, zone);
  const utc = `${decision.at.slice(0, 16).replace('T', ' ')}Z`;
  return local === undefined ? utc : `${local} (${utc})`;
}

function daysPastDue(decision: Decision): string {
  const facts = decision.trace.find((entry) => entry.type === 'fact.derived');
  const value = facts?.type === 'fact.derived' ? facts.facts['daysPastDue'] : undefined;
  return value === undefined || value === null ? '?' : String(value);
}

/** The compliance rules that blocked or deferred a candidate, each once, cut to whole ids. */
function heldBy(decision: Decision, width: number): string {
  const ids = new Set<string>();
  if (decision.type === 'none' && decision.hold !== undefined) ids.add(`hold: ${decision.hold.rule}`);
  for (const { verdict } of decision.candidates) {
    if (verdict.type !== 'permitted') for (const ref of verdict.by) ids.add(ref.id);
  }
  const all = [...ids];
  for (let shown = all.length; shown > 0; shown--) {
    const text = all.slice(0, shown).join(', ') + (shown < all.length ? ` +${all.length - shown} more` : '');
    if (text.length <= width) return text;
  }
  return all.length === 0 ? '' : `${all.length} rules`;
}

const color = process.stdout.isTTY === true;
const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
const DECISION_COLORS: Record<Decision['type'], string> = { act: '32', wait: '33', none: '31' };

const rows: { cells: string[]; type: Decision['type'] }[] = [];
const decisions = new Map<string, Decision>();
for (const { compliance, input } of portfolio.loans) {
  const decision = decide(input, { policy, compliance: complianceFor(compliance) });
  decisions.set(decision.loanId, decision);
  const action = decision.type === 'none' ? (decision.hold !== undefined ? '(hold)' : '—') : decision.action.type;
  rows.push({
    type: decision.type,
    cells: [decision.loanId, compliance.join('+'), daysPastDue(decision), decision.type, action, when(decision, input), heldBy(decision, 64)],
  });
}

const header = ['loan', 'rules', 'dpd', 'decision', 'action', 'when (borrower-local, UTC)', 'held back by'];
const right = new Set([2]); // numbers align right
const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row.cells[i]!.length)));
const line = (cells: readonly string[]) =>
  cells
    .map((cell, i) => (right.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
    .join('  ')
    .trimEnd();

console.log(`Portfolio at ${portfolio.now}: ${rows.length} loans, policy "default"\n`);
console.log(paint('1', line(header)));
console.log(widths.map((width) => '─'.repeat(width)).join('  '));
for (const row of rows) {
  const text = line(row.cells);
  // Colour the decision cell only, after padding, so escape codes do not upset the alignment.
  const start = widths.slice(0, 3).reduce((sum, width) => sum + width + 2, 0);
  console.log(color ? `${text.slice(0, start)}${paint(DECISION_COLORS[row.type], text.slice(start, start + widths[3]!))}${text.slice(start + widths[3]!)}` : text);
}

const counts = { act: 0, wait: 0, none: 0 };
for (const row of rows) counts[row.type]++;
console.log(`\n${rows.length} decisions: ${counts.act} act now, ${counts.wait} wait, ${counts.none} none`);

// A decision worth reading in full: seven calls in seven days defer the next call to tomorrow.
const explained = decisions.get('US-2003');
if (explained !== undefined) {
  console.log(`\nWhy ${explained.loanId}?\n`);
  console.log(explain(explained));
}
