import type { ZoneResolution } from '../../_lib/local-time.js';
import type { CheckResult, Evaluator } from '../context.js';

/** Why a zone-dependent rule cannot be checked; `undefined` when every candidate zone is known. */
export function unknownZoneReason(zones: ZoneResolution): string | undefined {
  if (zones.unknown.length > 0) {
    const names = zones.unknown.map((zone) => `"${zone}"`).join(', ');
    return `Time zone unknown: ${names} ${zones.unknown.length === 1 ? 'is not an IANA zone' : 'are not IANA zones'} this runtime knows, so local time cannot be established`;
  }
  if (zones.zones.length === 0) return 'Time zone unknown: the borrower has no `timeZone` or `timeZones`, so local time cannot be established';
  return undefined;
}

/**
 * Runs a zone-dependent check in every candidate zone: satisfied only when satisfied in all.
 * Unknown zones fail closed. The next instant is the latest of the failing zones' next
 * instants: nothing earlier can satisfy all of them.
 */
export function inEveryZone(zones: ZoneResolution, check: (zone: string) => Evaluator): Evaluator {
  const unknown = unknownZoneReason(zones);
  if (unknown !== undefined) return () => ({ ok: false, next: null, reason: unknown });
  const perZone = zones.zones.map(check);
  if (perZone.length === 1) return perZone[0]!;
  return (t) => {
    let next: number | null = t;
    const reasons: string[] = [];
    for (const evaluate of perZone) {
      const result: CheckResult = evaluate(t);
      if (result.ok) continue;
      reasons.push(result.reason);
      next = next === null || result.next === null ? null : Math.max(next, result.next);
    }
    return reasons.length === 0 ? { ok: true } : { ok: false, next, reason: reasons.join('; ') };
  };
}
