import { formatInstant } from '../../_lib/instant.js';
import type { StatusRule } from '../document.js';
import type { CheckResult, Evaluator, GuardAction, GuardContext } from '../context.js';

/**
 * Blocking statuses: while a listed status holds (`from` inclusive, `until` exclusive) the
 * action is held back, until the status ends, or for good when it has no end. A status limited
 * to another debt does not apply. Purposes in `allowPurposes` pass.
 */
export function blockingStatusCheck(rule: StatusRule, context: GuardContext, action: GuardAction): Evaluator {
  if (rule.allowPurposes?.includes(action.purpose)) return () => ({ ok: true });
  const statuses = context.statuses.filter(
    (status) => rule.statuses.includes(status.type) && (status.debtId === undefined || status.debtId === context.debtId),
  );
  return (t): CheckResult => {
    let until = t;
    const holding: string[] = [];
    for (const status of statuses) {
      if (status.from <= t && t < status.until) {
        until = Math.max(until, status.until);
        holding.push(
          `Status "${status.type}" holds from ${formatInstant(status.from)} ${status.until === Infinity ? 'with no end' : `until ${formatInstant(status.until)}`}`,
        );
      }
    }
    if (holding.length === 0) return { ok: true };
    const allowed = rule.allowPurposes === undefined ? '' : ` (allowed purposes: ${rule.allowPurposes.join(', ')})`;
    const reason = `${holding.join('; ')}${allowed}`;
    return { ok: false, next: until === Infinity ? null : until, reason };
  };
}
