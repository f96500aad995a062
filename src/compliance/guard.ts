import type { RuleRef, Verdict } from '../domain/decision.js';
import { channelOf } from '../domain/vocabulary.js';
import { formatInstant } from '../_lib/instant.js';
import type { CheckBlockedEntry, CheckDeferredEntry, CheckPassedEntry } from '../trace/trace.js';
import { blockingStatusCheck } from './checks/blocking-status.js';
import { coolDownCheck } from './checks/cool-down.js';
import { frequencyCapCheck } from './checks/frequency-cap.js';
import { optOutCheck } from './checks/opt-out.js';
import { windowCheck } from './checks/window.js';
import { designatedTimesCheck } from './checks/designated-times.js';
import { minimumBalanceCheck, noticePeriodCheck, timeBarredCheck } from './checks/legal.js';
import { thirdPartyCheck } from './checks/third-party.js';
import { addDaysToDate, daysBetween, localDate, startOfLocalDay } from '../_lib/local-time.js';
import { unknownZoneReason } from './checks/zones.js';
import type { CheckResult, Evaluator, GuardAction, GuardContext } from './context.js';
import type { Compliance, LoadedRule } from './load-compliance.js';

/** The built-in rule that blocks contact when no zone-dependent rule could notice an unknown zone. */
export const UNKNOWN_ZONE_RULE = {
  id: 'arrears-time-zone-unknown',
  citation: 'arrears fail-closed guarantee: contact needs the borrower’s local time',
} as const;

/** How many times the guard moves forward looking for an instant that satisfies every rule. */
const MAX_STEPS = 1000;
/** How far ahead it looks: beyond this, a deferral is reported as a block. */
const HORIZON_MS = 5 * 366 * 86_400_000;

type CheckEntry = CheckPassedEntry | CheckDeferredEntry | CheckBlockedEntry;

/** The guard's judgement of one action, with a trace entry per rule. */
export interface Judgement {
  verdict: Verdict;
  checks: CheckEntry[];
}

interface Bound {
  id: string;
  citation: string;
  evaluate: Evaluator;
  window: boolean;
}

/**
 * How long the guard looks for an instant at which the windows of several candidate zones hold
 * together. Windows repeat every week, so two weeks in which only windows disagree means they
 * never meet (up to a DST change or a holiday, which the stricter reading ignores): blocked.
 */
const ZONES_SEARCH_MS = 14 * 86_400_000;

const LEGAL_KINDS: ReadonlySet<LoadedRule['kind']> = new Set(['time-barred', 'minimum-balance', 'notice-period']);

function applies(rule: LoadedRule, action: GuardAction, context: GuardContext): boolean {
  if (rule.actions !== undefined && !rule.actions.includes(action.type)) return false;
  if (rule.products !== undefined && !rule.products.includes(context.product)) return false;
  if (LEGAL_KINDS.has(rule.kind)) {
    // Legal-eligibility rules judge legal steps; an action naming no step could be any of them.
    if (action.type !== 'legal') return false;
    const steps = 'steps' in rule ? rule.steps : undefined;
    if (steps !== undefined && action.step !== undefined && !steps.includes(action.step)) return false;
  }
  return true;
}

/**
 * The indexes of the rules that apply to an action of `type` on a `product` loan, kept per
 * compliance set: the answer depends on nothing else (legal steps aside, which are judged each
 * time), and a decision asks it once per candidate.
 */
const applicableCache = /* @__PURE__ */ new WeakMap<readonly LoadedRule[], Map<string, Map<string, readonly number[]>>>();

function applicableRules(rules: readonly LoadedRule[], action: GuardAction, context: GuardContext): readonly number[] {
  if (action.type === 'legal') return applying(rules, action, context);
  let byProduct = applicableCache.get(rules);
  if (byProduct === undefined) applicableCache.set(rules, (byProduct = new Map()));
  let byType = byProduct.get(context.product);
  if (byType === undefined) {
    // Products are the lender's own vocabulary: a bounded cache, however many a portfolio names.
    if (byProduct.size >= 256) byProduct.clear();
    byProduct.set(context.product, (byType = new Map()));
  }
  let indexes = byType.get(action.type);
  if (indexes === undefined) byType.set(action.type, (indexes = applying(rules, action, context)));
  return indexes;
}

/** The indexes of the rules that apply to `action`, worked out afresh. */
function applying(rules: readonly LoadedRule[], action: GuardAction, context: GuardContext): number[] {
  const indexes: number[] = [];
  for (let i = 0; i < rules.length; i++) if (applies(rules[i]!, action, context)) indexes.push(i);
  return indexes;
}

/** Days past due at `t`: the fewest over the candidate zones; `undefined` when no zone is known. */
function daysPastDueAt(context: GuardContext, t: number): number | undefined {
  const due = context.oldestUnpaidDueDate;
  if (due === undefined) return 0;
  if (context.zones.zones.length === 0 || context.zones.unknown.length > 0) return undefined;
  return Math.max(0, Math.min(...context.zones.zones.map((zone) => daysBetween(due, localDate(t, zone)))));
}

/** An enabled days-past-due exception lifts the rule while the loan is past that many days (never with an unknown zone). */
function withException(rule: LoadedRule, context: GuardContext, evaluate: Evaluator): Evaluator {
  const exception = rule.exception;
  if (exception === undefined || rule.exceptionEnabled !== true) return evaluate;
  const due = context.oldestUnpaidDueDate;
  // The exception starts at the local midnight on which the loan passes the threshold, in every zone.
  const liftsAt =
    due === undefined || context.zones.unknown.length > 0 || context.zones.zones.length === 0
      ? undefined
      : Math.max(...context.zones.zones.map((zone) => startOfLocalDay(addDaysToDate(due, exception.daysPastDueOver + 1), zone)));
  return (t) => {
    const days = daysPastDueAt(context, t);
    if (days !== undefined && days > exception.daysPastDueOver) return { ok: true };
    const result = evaluate(t);
    if (result.ok || liftsAt === undefined || liftsAt <= t) return result;
    return { ...result, next: result.next === null ? liftsAt : Math.min(result.next, liftsAt) };
  };
}

/**
 * What of the action a rule's answer depends on. Candidates of one decision that agree on it
 * share one evaluator (and its answers), so a window is read once per decision, not per candidate.
 */
function actionKey(rule: LoadedRule, action: GuardAction, context: GuardContext): string {
  switch (rule.kind) {
    case 'window':
      // Agreed times can name actions; with none agreed, the window reads nothing of the action.
      return rule.allowAgreedTimes && context.agreedTimes.length > 0 ? action.type : '';
    case 'cap':
      return rule.scope === 'address' ? (action.address ?? '\u0000') : '';
    case 'cool-down':
    case 'time-barred':
    case 'minimum-balance':
    case 'notice-period':
      return '';
    case 'status':
      return rule.allowPurposes?.includes(action.purpose) ? 'allowed' : '';
    case 'opt-out':
    case 'designated-times':
      return `${action.type}\u0000${action.purpose}\u0000${action.address ?? '\u0000'}`;
    case 'third-party':
      // Recipients are a vocabulary without NUL: the recipient alone cannot equal a pair.
      return action.contactId === undefined ? action.recipient : `${action.recipient}\u0000${action.contactId}`;
  }
}

/**
 * Remembers an evaluator's last answers: the candidates of one decision ask the same rule about
 * the same instants (now, then the same deferral steps). A small ring, not a `Map`: a decision
 * asks a rule about a handful of instants, and a ring allocates nothing per question.
 */
const MEMO_SIZE = 8;
function memoise(evaluate: Evaluator): Evaluator {
  // Array literals: a typed array costs several times more to make, and a decision makes one per rule.
  const instants = [Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN];
  const answers: (CheckResult | undefined)[] = [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined];
  let next = 0;
  return (t) => {
    for (let i = 0; i < MEMO_SIZE; i++) if (instants[i] === t) return answers[i]!;
    const answer = evaluate(t);
    instants[next] = t;
    answers[next] = answer;
    next = (next + 1) % MEMO_SIZE;
    return answer;
  };
}

function bind(rule: LoadedRule, action: GuardAction, context: GuardContext): Evaluator {
  switch (rule.kind) {
    case 'window':
      return windowCheck(rule, context, action);
    case 'cap':
      return frequencyCapCheck(rule, context, action);
    case 'cool-down':
      return coolDownCheck(rule, context);
    case 'status':
      return blockingStatusCheck(rule, context, action);
    case 'opt-out':
      return optOutCheck(rule, context, action);
    case 'designated-times':
      return designatedTimesCheck(rule, context, action);
    case 'time-barred':
      return timeBarredCheck(rule, context);
    case 'minimum-balance':
      return minimumBalanceCheck(rule, context);
    case 'notice-period':
      return noticePeriodCheck(rule, context);
    case 'third-party':
      return thirdPartyCheck(rule, context, action);
  }
}


/** A check's trace entry, built as one object literal per shape (spreads here were a third of a decision's time). */
function checkEntry(action: GuardAction['type'], candidateRule: string | undefined, rule: Bound, result: CheckResult): CheckEntry {
  const { id, citation } = rule;
  if (candidateRule === undefined) {
    if (result.ok) return { type: 'check.passed', action, id, citation };
    if (result.next === null) return { type: 'check.blocked', action, id, citation, reason: result.reason };
    return { type: 'check.deferred', action, id, citation, reason: result.reason, until: formatInstant(result.next) };
  }
  if (result.ok) return { type: 'check.passed', action, candidateRule, id, citation };
  if (result.next === null) return { type: 'check.blocked', action, candidateRule, id, citation, reason: result.reason };
  return { type: 'check.deferred', action, candidateRule, id, citation, reason: result.reason, until: formatInstant(result.next) };
}

interface Failing {
  rule: Bound;
  result: Extract<CheckResult, { ok: false }>;
}

const refs = (list: readonly Failing[]): RuleRef[] => list.map(({ rule, result }) => ({ id: rule.id, citation: rule.citation, reason: result.reason }));

/** Judges one action; made by {@link guardFor} for one loan at one instant under one compliance set. */
export type Guard = (action: GuardAction, candidateRule?: string) => Judgement;

/**
 * The guard of one decision: judges actions against every applicable compliance rule.
 * Fail-closed: a rule that cannot be evaluated blocks. A deferral's `until` is the earliest
 * instant at which every rule holds at once, found by moving to the latest "next" instant of the
 * failing rules until none fails.
 *
 * Candidates of one decision that agree on what a rule reads of the action share one evaluator
 * and its answers, so a window is read once per decision, not once per candidate. Nothing is
 * kept beyond the returned function: a parsed input decided again, under the same or another
 * compliance set, starts afresh.
 */
export function guardFor(compliance: Compliance, context: GuardContext): Guard {
  const rules = compliance.rules;
  // Per rule: the evaluator for actions it reads nothing of, and those keyed by what it reads.
  const plain: (Bound | undefined)[] = new Array<Bound | undefined>(rules.length);
  const keyed: (Map<string, Bound> | undefined)[] = new Array<Map<string, Bound> | undefined>(rules.length);
  const zoneProblem = unknownZoneReason(context.zones);
  const now = context.now;

  const boundFor = (index: number, rule: LoadedRule, action: GuardAction): Bound => {
    const key = actionKey(rule, action, context);
    if (key === '') {
      let bound = plain[index];
      if (bound === undefined) plain[index] = bound = makeBound(rule, action, context);
      return bound;
    }
    let byKey = keyed[index];
    if (byKey === undefined) keyed[index] = byKey = new Map();
    let bound = byKey.get(key);
    if (bound === undefined) byKey.set(key, (bound = makeBound(rule, action, context)));
    return bound;
  };

  // Named for CPU profiles: `judge` is the guard's own time.
  return function judge(action, candidateRule) {
    const applicable = applicableRules(rules, action, context);
    const bound: Bound[] = new Array<Bound>(applicable.length);
    let windowApplies = false;
    for (let k = 0; k < applicable.length; k++) {
      const i = applicable[k]!;
      const rule = rules[i]!;
      if (rule.kind === 'window') windowApplies = true;
      bound[k] = boundFor(i, rule, action);
    }
    // Contact needs the borrower's local time. A window rule blocks by itself when the zone is
    // unknown; without one, the built-in rule does, even if no other rule happens to need the zone.
    if (zoneProblem !== undefined && !windowApplies && channelOf(action.type) !== undefined) {
      bound.push({ ...UNKNOWN_ZONE_RULE, evaluate: () => ({ ok: false, next: null, reason: zoneProblem }), window: false });
    }

    const checks: CheckEntry[] = new Array<CheckEntry>(bound.length);
    let failing: Failing[] | undefined;
    let blockedNow: Failing[] | undefined;
    let t = -Infinity;
    for (let i = 0; i < bound.length; i++) {
      const rule = bound[i]!;
      const result = rule.evaluate(now);
      checks[i] = checkEntry(action.type, candidateRule, rule, result);
      if (result.ok) continue;
      (failing ??= []).push({ rule, result });
      if (result.next === null) (blockedNow ??= []).push({ rule, result });
      else if (result.next > t) t = result.next;
    }
    if (failing === undefined) return { verdict: { type: 'permitted' }, checks };
    if (blockedNow !== undefined) return { verdict: { type: 'blocked', by: refs(blockedNow) }, checks };

    for (let step = 0; step < MAX_STEPS && t - now <= HORIZON_MS; step++) {
      let next = t;
      let onlyWindows = true;
      let blockers: Failing[] | undefined;
      for (const rule of bound) {
        const result = rule.evaluate(t);
        if (result.ok) continue;
        onlyWindows &&= rule.window;
        if (result.next === null) (blockers ??= []).push({ rule, result });
        else if (result.next > next) next = result.next;
      }
      if (blockers !== undefined) return { verdict: { type: 'blocked', by: refs(blockers) }, checks };
      if (next === t) return { verdict: { type: 'deferred', until: formatInstant(t), by: refs(failing) }, checks };
      if (onlyWindows && context.zones.zones.length > 1 && t - now > ZONES_SEARCH_MS) {
        const apart = refs(failing).map((ref) => ({ ...ref, reason: `${ref.reason}; the windows of the candidate zones do not hold together at any instant in the next two weeks` }));
        return { verdict: { type: 'blocked', by: apart }, checks };
      }
      t = next;
    }
    const horizon: RuleRef[] = refs(failing).map((ref) => ({
      ...ref,
      reason: `${ref.reason}; no instant in the next five years satisfies every rule at once`,
    }));
    return { verdict: { type: 'blocked', by: horizon }, checks };
  };
}

function makeBound(rule: LoadedRule, action: GuardAction, context: GuardContext): Bound {
  return { id: rule.id, citation: rule.citation, evaluate: memoise(withException(rule, context, bind(rule, action, context))), window: rule.kind === 'window' };
}
