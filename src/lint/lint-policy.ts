import type { Compliance, LoadedRule } from '../compliance/load-compliance.js';
import type { WindowRule } from '../compliance/document.js';
import { ACTION_TYPES, type ActionType } from '../domain/vocabulary.js';
import type { Issue } from '../errors.js';
import { validatePolicy } from '../policy/load-policy.js';
import { engineIssues } from './engine-check.js';
import { formatPath } from '../_lib/format-path.js';
import { didYouMean } from '../_lib/nearest-name.js';
import { describeLiteral, firstContradiction, implies, isSatisfiable, toDnf, type Conjunction } from './conditions.js';

/**
 * How bad a finding is: an `error` stops the policy from loading; a `warning` is a policy that
 * loads but probably does not do what its author meant.
 * @category Lint
 */
export type DiagnosticSeverity = 'error' | 'warning';

/**
 * One finding of {@link lintPolicy}. `code` is snake_case: the load-time issue codes of
 * `validatePolicy` (`unknown_fact`, `unknown_operator`, `invalid_fact_type`,
 * `duplicate_rule_name`…), `missing_rule_name` and `unknown_action` for errors, and
 * `unreachable_rule`, `shadowed_rule`, `dpd_gap`, `dpd_overlap` and `never_permitted` for
 * warnings. `path` is dotted: `rules[3].conditions.all[0].fact`.
 * @category Lint
 */
export interface Diagnostic {
  severity: DiagnosticSeverity;
  code: string;
  path: string;
  message: string;
}

/**
 * Options of {@link lintPolicy}.
 * @category Lint
 */
export interface LintOptions {
  /**
   * The compliance the policy will run under (from `loadCompliance`). With it, the lint also
   * reports actions these rules can never permit (`never_permitted`).
   */
  compliance?: Compliance | undefined;
}

/**
 * What {@link lintPolicy} found: every diagnostic, errors first, each group in document order.
 * @category Lint
 */
export interface LintResult {
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
}

interface AnalysedRule {
  index: number;
  path: readonly PropertyKey[];
  name: string;
  event: { type: 'candidate' | 'hold'; params: Record<string, unknown> };
  rank: number;
  dnf: Conjunction[] | undefined;
  /** Satisfiable conjunctions (undefined when the analysis gave up). */
  live: Conjunction[] | undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The rules of a policy document, with their paths, whatever their validity. */
function rulesOf(document: unknown): { items: unknown[]; prefix: PropertyKey[] } {
  if (Array.isArray(document)) return { items: document as unknown[], prefix: [] };
  if (isRecord(document) && Array.isArray(document['rules'])) return { items: document['rules'] as unknown[], prefix: ['rules'] };
  return { items: [], prefix: [] };
}

/** Rewrites the load-time issues a policy author meets most into the lint's own, clearer codes. */
function errorFor(issue: Issue, items: readonly unknown[], prefix: readonly PropertyKey[]): Diagnostic {
  const head = formatPath(prefix);
  const match = new RegExp(`^${head.replace(/[[\]().]/g, '\\$&')}\\[(\\d+)\\]\\.(name|event\\.params\\.action)$`).exec(issue.path);
  const rule = match ? items[Number(match[1])] : undefined;
  if (match && isRecord(rule)) {
    if (match[2] === 'name' && !('name' in rule)) {
      return { severity: 'error', code: 'missing_rule_name', path: issue.path, message: 'Rule has no `name`; every rule needs a unique name (decisions and traces cite it)' };
    }
    const event = rule['event'];
    const action = isRecord(event) && isRecord(event['params']) ? event['params']['action'] : undefined;
    if (match[2] === 'event.params.action' && typeof action === 'string' && !(ACTION_TYPES as readonly string[]).includes(action)) {
      return {
        severity: 'error',
        code: 'unknown_action',
        path: issue.path,
        message: `Unknown action "${action}"${didYouMean(action, ACTION_TYPES)}; actions are ${ACTION_TYPES.join(', ')}`,
      };
    }
  }
  return { severity: 'error', code: issue.code, path: issue.path, message: issue.message };
}

/** The rules that load on their own, analysed; rules with issues are left out (their errors are reported). */
function analyse(items: readonly unknown[], prefix: readonly PropertyKey[]): AnalysedRule[] {
  const analysed: AnalysedRule[] = [];
  items.forEach((item, index) => {
    const alone = validatePolicy([item]);
    if (!alone.success) return;
    const rule = alone.data.rules[0]!;
    const path = [...prefix, index];
    const dnf = toDnf(rule.conditions, [...path, 'conditions']);
    analysed.push({
      index,
      path,
      name: rule.name,
      event: rule.event as AnalysedRule['event'],
      rank: rule.event.params.rank,
      dnf,
      live: dnf?.filter(isSatisfiable),
    });
  });
  return analysed;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Whether `a` is preferred to `b`, in `decide`'s order: rank, then rule name. */
function preferred(a: AnalysedRule, b: AnalysedRule): boolean {
  return a.rank - b.rank < 0 || (a.rank === b.rank && compare(a.name, b.name) < 0);
}

/** Whether every way `stronger` can fire also fires `weaker`. */
function alwaysWith(stronger: AnalysedRule, weaker: AnalysedRule): boolean {
  if (stronger.live === undefined || weaker.live === undefined || stronger.live.length === 0) return false;
  return stronger.live.every((conjunction) => weaker.live!.some((other) => implies(conjunction, other)));
}

const action = (rule: AnalysedRule): ActionType | undefined => (rule.event.type === 'candidate' ? (rule.event.params['action'] as ActionType) : undefined);
/** What the guard reads of a candidate: two candidates with the same key are judged alike. */
const guardKey = (rule: AnalysedRule) => {
  const { purpose, address, step, recipient, contactId } = rule.event.params;
  return JSON.stringify([action(rule), purpose ?? 'collection', address ?? null, step ?? null, recipient ?? 'borrower', contactId ?? null]);
};

function unreachable(rule: AnalysedRule): Diagnostic | undefined {
  if (rule.dnf === undefined || rule.live === undefined || rule.live.length > 0) return undefined;
  const only = rule.dnf.length === 1 ? rule.dnf[0]! : undefined;
  const contradiction = only === undefined ? undefined : firstContradiction(only);
  if (contradiction !== undefined) {
    const other = contradiction.with[0];
    const why = other === undefined ? `${describeLiteral(contradiction.literal)} never holds` : `${describeLiteral(contradiction.literal)} contradicts ${describeLiteral(other)}`;
    return { severity: 'warning', code: 'unreachable_rule', path: formatPath(contradiction.literal.path), message: `Rule "${rule.name}" can never fire: ${why}` };
  }
  return { severity: 'warning', code: 'unreachable_rule', path: formatPath([...rule.path, 'conditions']), message: `Rule "${rule.name}" can never fire: no branch of its conditions can hold` };
}

function shadowed(rule: AnalysedRule, rules: readonly AnalysedRule[]): Diagnostic | undefined {
  if (rule.event.type !== 'candidate') return undefined;
  for (const other of rules) {
    if (other === rule || !alwaysWith(rule, other)) continue;
    if (other.event.type === 'hold' && other.rank <= rule.rank) {
      return {
        severity: 'warning',
        code: 'shadowed_rule',
        path: formatPath(rule.path),
        message: `Rule "${rule.name}" is never proposed: whenever it fires, hold "${other.name}" (rank ${other.rank}) fires too and holds every candidate ranked ${other.rank} or higher`,
      };
    }
    if (other.event.type === 'candidate' && preferred(other, rule) && guardKey(other) === guardKey(rule)) {
      return {
        severity: 'warning',
        code: 'shadowed_rule',
        path: formatPath(rule.path),
        message: `Rule "${rule.name}" never decides: whenever it fires, "${other.name}" (rank ${other.rank}) fires too, proposes the same ${action(rule)!} and is preferred`,
      };
    }
  }
  return undefined;
}

/** The days past due (0 to `top`, `top` standing for `top` and over) at which a rule can fire. */
function dpdSet(rule: AnalysedRule, top: number): Set<number> | undefined {
  if (rule.live === undefined) return undefined;
  const set = new Set<number>();
  for (const conjunction of rule.live) {
    const literals = conjunction.filter((literal) => literal.fact === 'daysPastDue' && typeof literal.value !== 'object');
    for (let d = 0; d <= top; d++) if (!set.has(d) && isSatisfiable([...literals, { fact: 'daysPastDue', operator: 'equal', value: d, negated: false, path: [] }])) set.add(d);
  }
  return set;
}

/** `8–30`, `91 and over`, `1–7, 10`. */
function describeDays(days: readonly number[], top: number): string {
  const ranges: string[] = [];
  let start: number | undefined;
  days.forEach((d, i) => {
    start ??= d;
    const next = days[i + 1];
    if (next !== d + 1) {
      ranges.push(d === top ? `${start} and over` : start === d ? `${d}` : `${start}–${d}`);
      start = undefined;
    }
  });
  return ranges.join(', ');
}

function topOfDays(rules: readonly AnalysedRule[]): number {
  let top = 1;
  for (const rule of rules) {
    for (const conjunction of rule.live ?? []) {
      for (const literal of conjunction) {
        if (literal.fact !== 'daysPastDue') continue;
        for (const value of Array.isArray(literal.value) ? (literal.value as unknown[]) : [literal.value]) {
          if (typeof value === 'number' && Number.isFinite(value)) top = Math.max(top, Math.ceil(value) + 1);
        }
      }
    }
  }
  return Math.min(top, 100_000);
}

function coverage(rules: readonly AnalysedRule[]): Diagnostic[] {
  const candidates = rules.filter((rule) => rule.event.type === 'candidate' && rule.live !== undefined && rule.live.length > 0);
  if (candidates.length === 0 || candidates.length !== rules.filter((rule) => rule.event.type === 'candidate' && rule.live?.length !== 0).length) return [];
  const top = topOfDays(candidates);
  const sets = new Map(candidates.map((rule) => [rule, dpdSet(rule, top)!]));
  const diagnostics: Diagnostic[] = [];
  const uncovered: number[] = [];
  for (let d = 1; d <= top; d++) if (![...sets.values()].some((set) => set.has(d))) uncovered.push(d);
  if (uncovered.length > 0) {
    diagnostics.push({
      severity: 'warning',
      code: 'dpd_gap',
      path: 'rules',
      message: `No candidate rule can fire at days past due ${describeDays(uncovered, top)}: loans there get no action`,
    });
  }
  candidates.forEach((rule, j) => {
    const mine = [...sets.get(rule)!].sort((a, b) => a - b);
    for (const other of candidates.slice(0, j)) {
      if (action(other) !== action(rule)) continue;
      const theirs = sets.get(other)!;
      const shared = mine.filter((d) => theirs.has(d));
      if (shared.length === 0 || shared.length === mine.length || shared.length === theirs.size) continue;
      const together = rule.live!.some((a) => other.live!.some((b) => isSatisfiable([...a, ...b])));
      if (!together) continue;
      const band = (days: Iterable<number>) => describeDays([...days].sort((a, b) => a - b), top);
      diagnostics.push({
        severity: 'warning',
        code: 'dpd_overlap',
        path: formatPath(rule.path),
        message: `Rules "${other.name}" (days past due ${band(theirs)}) and "${rule.name}" (${band(mine)}) both propose ${action(rule)!} at days past due ${band(shared)}`,
      });
    }
  });
  return diagnostics;
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function secondsOf(time: string): number {
  const [h = 0, m = 0, s = 0] = time.split(':').map(Number);
  return h * 3600 + m * 60 + s;
}

/** Whether the windows applying together leave some open time on some weekday (holidays aside). */
function windowsMeet(windows: readonly WindowRule[]): boolean {
  return WEEKDAYS.some((day) => {
    let open: [number, number][] = [[0, 86_400]];
    for (const rule of windows) {
      const spans = rule.windows.filter((span) => span.days.includes(day)).map((span): [number, number] => [secondsOf(span.start), secondsOf(span.end)]);
      open = open.flatMap(([a, b]) => spans.map(([c, d]): [number, number] => [Math.max(a, c), Math.min(b, d)])).filter(([a, b]) => a < b);
    }
    return open.length > 0;
  });
}

function neverPermitted(rule: AnalysedRule, compliance: Compliance): Diagnostic | undefined {
  const type = action(rule);
  if (type === undefined || rule.live === undefined || rule.live.length === 0) return undefined;
  // Rules that may stop applying (a product filter, an exception, agreed times) cannot prove "never".
  const applying = compliance.rules.filter(
    (r: LoadedRule) => (r.actions === undefined || r.actions.includes(type)) && r.products === undefined && (r as { exceptionEnabled?: boolean }).exceptionEnabled !== true,
  );
  const documents = [...new Set(compliance.rules.map((r) => r.document))].join(' + ');
  const path = formatPath([...rule.path, 'event', 'params', 'action']);
  const closed = applying.find((r) => r.kind === 'cap' && r.max === 0);
  if (closed !== undefined) {
    return { severity: 'warning', code: 'never_permitted', path, message: `Rule "${rule.name}" proposes ${type}, which ${documents} never permits: cap "${closed.id}" allows none` };
  }
  const windows = applying.filter(
    (r): r is LoadedRule & WindowRule => r.kind === 'window' && (r as { allowAgreedTimes?: boolean }).allowAgreedTimes !== true && !r.windows.some((span) => span.days.includes('holiday')),
  );
  if (windows.length > 0 && !windowsMeet(windows)) {
    const ids = windows.map((r) => `"${r.id}"`).join(', ');
    return {
      severity: 'warning',
      code: 'never_permitted',
      path,
      message: `Rule "${rule.name}" proposes ${type}, which ${documents} never permits: the windows ${ids} leave no time open on any day`,
    };
  }
  return undefined;
}

/**
 * Lints a policy document: the errors that stop it from loading, each with the fix (nearest fact,
 * operator or action name), and warnings about a policy that loads but does not do what its
 * author probably meant: rules that can never fire, rules shadowed by a preferred rule whose
 * condition is weaker, gaps and overlaps in days-past-due coverage, and (with `compliance`)
 * actions those rules can never permit. Pure: it reads no files and never throws.
 * @param document - A policy document as parsed JSON (`{ rules: [...] }` or a bare array).
 * @param options - {@link LintOptions}.
 * @returns A {@link LintResult}; `errorCount` is 0 exactly when the policy loads and
 *   json-rules-engine itself accepts every rule (it runs in any json-rules-engine tool).
 * @example
 * ```ts
 * import { formatLintResult, lintPolicy } from 'arrears/lint';
 * const result = lintPolicy(policyJson, { compliance });
 * if (result.errorCount > 0) console.error(formatLintResult(result, 'policy.json'));
 * ```
 * @category Lint
 */
export function lintPolicy(document: unknown, options: LintOptions = {}): LintResult {
  const { items, prefix } = rulesOf(document);
  const validation = validatePolicy(document);
  const issues = validation.success ? engineIssues(validation.data.rules, prefix) : validation.issues;
  const errors = issues.map((issue) => errorFor(issue, items, prefix));
  const rules = analyse(items, prefix);
  const warnings: Diagnostic[] = [];
  for (const rule of rules) {
    const found = unreachable(rule) ?? shadowed(rule, rules) ?? (options.compliance === undefined ? undefined : neverPermitted(rule, options.compliance));
    if (found !== undefined) warnings.push(found);
  }
  warnings.push(...coverage(rules));
  const diagnostics = [...errors, ...warnings];
  return { diagnostics, errorCount: errors.length, warningCount: warnings.length };
}
