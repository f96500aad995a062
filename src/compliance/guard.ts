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
function actionKey(rule: LoadedRule, action: GuardAction): string {
  switch (rule.kind) {
    case 'window':
      return rule.allowAgreedTimes ? action.type : '';
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
      return `${action.recipient}\u0000${action.contactId ?? '\u0000'}`;
  }
}

/** Evaluators shared by the candidates of one decision, keyed by the context built for it. */
const sharedEvaluators = /* @__PURE__ */ new WeakMap<GuardContext, Map<string, Evaluator>>();

/** Remembers an evaluator's last few answers: candidates ask the same rule about the same instants. */
function memoise(evaluate: Evaluator): Evaluator {
  const answers = new Map<number, CheckResult>();
  return (t) => {
    let answer = answers.get(t);
    if (answer === undefined) {
      answer = evaluate(t);
      if (answers.size > 64) answers.clear();
      answers.set(t, answer);
    }
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


/**
 * Judges one action against every applicable compliance rule. Fail-closed: a rule that cannot
 * be evaluated blocks. A deferral's `until` is the earliest instant at which every rule holds
 * at once, found by moving to the latest "next" instant of the failing rules until none fails.
 */
export function guard(action: GuardAction, compliance: Compliance, context: GuardContext, candidateRule?: string): Judgement {
  let evaluators = sharedEvaluators.get(context);
  if (evaluators === undefined) sharedEvaluators.set(context, (evaluators = new Map()));
  const bound: Bound[] = [];
  for (const rule of compliance.rules) {
    if (!applies(rule, action, context)) continue;
    const key = `${rule.document}\u0000${rule.id}\u0000${actionKey(rule, action)}`;
    let evaluate = evaluators.get(key);
    if (evaluate === undefined) evaluators.set(key, (evaluate = memoise(withException(rule, context, bind(rule, action, context)))));
    bound.push({ id: rule.id, citation: rule.citation, evaluate, window: rule.kind === 'window' });
  }

  // Contact needs the borrower's local time. A window rule blocks by itself when the zone is
  // unknown; without one, the built-in rule does, even if no other rule happens to need the zone.
  const zoneProblem = unknownZoneReason(context.zones);
  if (zoneProblem !== undefined && channelOf(action.type) !== undefined && !compliance.rules.some((r) => applies(r, action, context) && r.kind === 'window')) {
    bound.push({ ...UNKNOWN_ZONE_RULE, evaluate: () => ({ ok: false, next: null, reason: zoneProblem }), window: false });
  }

  const base = candidateRule === undefined ? { action: action.type } : { action: action.type, candidateRule };
  const now = context.now;
  const atNow = bound.map((rule) => ({ rule, result: rule.evaluate(now) }));
  const checks: CheckEntry[] = atNow.map(({ rule, result }): CheckEntry => {
    const ids = { ...base, id: rule.id, citation: rule.citation };
    if (result.ok) return { type: 'check.passed', ...ids };
    if (result.next === null) return { type: 'check.blocked', ...ids, reason: result.reason };
    return { type: 'check.deferred', ...ids, reason: result.reason, until: formatInstant(result.next) };
  });

  const failing = atNow.filter((entry): entry is { rule: Bound; result: Extract<CheckResult, { ok: false }> } => !entry.result.ok);
  const refs = (list: typeof failing): RuleRef[] => list.map(({ rule, result }) => ({ id: rule.id, citation: rule.citation, reason: result.reason }));
  if (failing.length === 0) return { verdict: { type: 'permitted' }, checks };
  const blockedNow = failing.filter(({ result }) => result.next === null);
  if (blockedNow.length > 0) return { verdict: { type: 'blocked', by: refs(blockedNow) }, checks };

  let t = Math.max(...failing.map(({ result }) => result.next as number));
  for (let step = 0; step < MAX_STEPS && t - now <= HORIZON_MS; step++) {
    let next = t;
    let onlyWindows = true;
    const blockers: typeof failing = [];
    for (const rule of bound) {
      const result = rule.evaluate(t);
      if (result.ok) continue;
      onlyWindows &&= rule.window;
      if (result.next === null) blockers.push({ rule, result });
      else next = Math.max(next, result.next);
    }
    if (blockers.length > 0) return { verdict: { type: 'blocked', by: refs(blockers) }, checks };
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
}
