import { formatInstant } from '../../_lib/instant.js';
import { localDate } from '../../_lib/local-time.js';
import type { MinimumBalanceRule, NoticePeriodRule, TimeBarredRule } from '../document.js';
import type { CheckResult, Evaluator, GuardContext } from '../context.js';
import { describeDuration, durationEnds, endOfWait } from './duration.js';
import { inEveryZone } from './zones.js';

/** A time-barred debt: from `limitationExpiresOn` (borrower-local) on, no legal step; unknown blocks unless `requireKnown` is false. */
export function timeBarredCheck(rule: TimeBarredRule, context: GuardContext): Evaluator {
  const expires = context.limitationExpiresOn;
  if (expires === undefined) {
    if (rule.requireKnown === false) return () => ({ ok: true });
    return () => ({ ok: false, next: null, reason: 'The limitation date of the debt is unknown (`loan.limitationExpiresOn`), so it may be time-barred' });
  }
  return inEveryZone(context.zones, (zone) => (t): CheckResult => {
    const today = localDate(t, zone);
    return today >= expires
      ? { ok: false, next: null, reason: `The debt is time-barred: the limitation period ended on ${expires} (${zone} date ${today})` }
      : { ok: true };
  });
}

/** A legal step needs a minimum balance in a given currency; another currency is not converted. */
export function minimumBalanceCheck(rule: MinimumBalanceRule, context: GuardContext): Evaluator {
  if (context.currency !== rule.currency) {
    const reason = `The threshold is ${rule.amount} ${rule.currency} and the loan is in ${context.currency}; no conversion is assumed`;
    return () => ({ ok: false, next: null, reason });
  }
  if (context.balance >= rule.amount) return () => ({ ok: true });
  const reason = `The balance of ${context.balance} ${context.currency} is below the ${rule.amount} ${rule.currency} this step needs`;
  return () => ({ ok: false, next: null, reason });
}

/** A legal step waits after a notice; without one it is blocked until one is served. */
export function noticePeriodCheck(rule: NoticePeriodRule, context: GuardContext): Evaluator {
  const notices = context.index.notices.filter((n) => n.notice === rule.notice && n.debtId === context.debtId);
  const name = rule.notice.replaceAll('_', ' ');
  const check = (zone: string): Evaluator => (t) => {
    let served: number | undefined;
    for (const notice of notices) if (notice.at <= t) served = notice.at;
    if (served === undefined) return { ok: false, next: null, reason: `No ${name} has been served; this step needs one ${describeDuration(rule.wait)} before it` };
    const end = endOfWait(served, rule.wait, zone);
    return t >= end ? { ok: true } : { ok: false, next: end, reason: `The ${name} served at ${formatInstant(served)} gives ${describeDuration(rule.wait)}, which ${durationEnds(rule.wait)} ${formatInstant(end)}` };
  };
  return rule.wait.type === 'rolling' ? check('UTC') : inEveryZone(context.zones, check);
}
