import type { RuleRef, Verdict } from '../domain/decision.js';
import { channelOf } from '../domain/vocabulary.js';
import { formatInstant } from '../_lib/instant.js';
import type { CheckBlockedEntry, CheckDeferredEntry, CheckPassedEntry } from '../trace/trace.js';
import { blockingStatusCheck } from './checks/blocking-status.js';
import { coolDownCheck } from './checks/cool-down.js';
import { frequencyCapCheck } from './checks/frequency-cap.js';
import { optOutCheck } from './checks/opt-out.js';
import { windowCheck } from './checks/window.js';
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
}

function applies(rule: LoadedRule, action: GuardAction, context: GuardContext): boolean {
  return (rule.actions === undefined || rule.actions.includes(action.type)) && (rule.products === undefined || rule.products.includes(context.product));
}

function bind(rule: LoadedRule, action: GuardAction, context: GuardContext): Evaluator {
  switch (rule.kind) {
    case 'window':
      return windowCheck(rule, context);
    case 'cap':
      return frequencyCapCheck(rule, context, action);
    case 'cool-down':
      return coolDownCheck(rule, context);
    case 'status':
      return blockingStatusCheck(rule, context, action);
    case 'opt-out':
      return optOutCheck(rule, context, action);
  }
}


/**
 * Judges one action against every applicable compliance rule. Fail-closed: a rule that cannot
 * be evaluated blocks. A deferral's `until` is the earliest instant at which every rule holds
 * at once, found by moving to the latest "next" instant of the failing rules until none fails.
 */
export function guard(action: GuardAction, compliance: Compliance, context: GuardContext, candidateRule?: string): Judgement {
  const bound: Bound[] = compliance.rules
    .filter((rule) => applies(rule, action, context))
    .map((rule) => ({ id: rule.id, citation: rule.citation, evaluate: bind(rule, action, context) }));

  // Contact needs the borrower's local time. A window rule blocks by itself when the zone is
  // unknown; without one, the built-in rule does, even if no other rule happens to need the zone.
  const zoneProblem = unknownZoneReason(context.zones);
  if (zoneProblem !== undefined && channelOf(action.type) !== undefined && !compliance.rules.some((r) => applies(r, action, context) && r.kind === 'window')) {
    bound.push({ ...UNKNOWN_ZONE_RULE, evaluate: () => ({ ok: false, next: null, reason: zoneProblem }) });
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
    const blockers: typeof failing = [];
    for (const rule of bound) {
      const result = rule.evaluate(t);
      if (result.ok) continue;
      if (result.next === null) blockers.push({ rule, result });
      else next = Math.max(next, result.next);
    }
    if (blockers.length > 0) return { verdict: { type: 'blocked', by: refs(blockers) }, checks };
    if (next === t) return { verdict: { type: 'deferred', until: formatInstant(t), by: refs(failing) }, checks };
    t = next;
  }
  const horizon: RuleRef[] = refs(failing).map((ref) => ({
    ...ref,
    reason: `${ref.reason}; no instant in the next five years satisfies every rule at once`,
  }));
  return { verdict: { type: 'blocked', by: horizon }, checks };
}
