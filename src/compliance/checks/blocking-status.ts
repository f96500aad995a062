import { formatInstant } from '../../_lib/instant.js';
import type { StatusRule } from '../document.js';
import type { CheckResult, Evaluator, GuardAction, GuardContext, TimedStatus } from '../context.js';
import { describeDuration, endOfWait } from './duration.js';
import { unknownZoneReason } from './zones.js';

/**
 * Blocking statuses: while a listed status holds (`from` inclusive, `until` exclusive) the
 * action is held back, until the status ends, or for good when it has no end. A status limited
 * to another debt does not apply. Purposes in `allowPurposes` pass.
 */
export function blockingStatusCheck(rule: StatusRule, context: GuardContext, action: GuardAction): Evaluator {
  if (rule.allowPurposes?.includes(action.purpose)) return () => ({ ok: true });
  const listed = context.statuses.filter(
    (status) => rule.statuses.includes(status.type) && (status.debtId === undefined || status.debtId === context.debtId),
  );
  // Day-counted durations need the borrower's zone; without one they cannot end (fail-closed).
  const needsZone = rule.assumedDuration?.type === 'consecutive-days' || rule.extendAfterEnd?.type === 'consecutive-days';
  const zone = context.zones.zones[0];
  const zoneMissing = needsZone && unknownZoneReason(context.zones) !== undefined;
  const end = (at: number, duration: NonNullable<StatusRule['assumedDuration']>): number => {
    if (duration.type === 'rolling') return endOfWait(at, duration, 'UTC');
    if (zoneMissing || zone === undefined) return Infinity;
    // The latest end over the candidate zones.
    return Math.max(...context.zones.zones.map((z) => endOfWait(at, duration, z)));
  };
  const statuses: TimedStatus[] = listed.map((status) => {
    let until = status.until;
    if (until === Infinity && rule.assumedDuration !== undefined) until = end(status.from, rule.assumedDuration);
    if (until !== Infinity && rule.extendAfterEnd !== undefined) until = end(until, rule.extendAfterEnd);
    return { ...status, until };
  });
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
    const assumed = rule.assumedDuration === undefined ? '' : `; a status given without an end is taken to last ${describeDuration(rule.assumedDuration)}`;
    const extended = rule.extendAfterEnd === undefined ? '' : `; the rule holds ${describeDuration(rule.extendAfterEnd)} after a status ends`;
    const reason = `${holding.join('; ')}${assumed}${extended}${allowed}`;
    return { ok: false, next: until === Infinity ? null : until, reason };
  };
}
