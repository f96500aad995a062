import type { GuardContext, TimedSpan } from './compliance/context.js';
import { secondsOfDay } from './compliance/compliance-schema.js';
import type { BorrowerTimeSpan } from './domain/loan.js';
import { indexHistory } from './facts/history-index.js';
import { parseInstant } from './_lib/instant.js';
import { resolveZones } from './_lib/local-time.js';
import type { AssumptionEntry } from './trace/trace.js';
import type { ParsedInput } from './validate/parse-input.js';
import { unknownZoneReason } from './compliance/checks/zones.js';

function timedSpan(span: BorrowerTimeSpan): TimedSpan {
  return {
    days: span.days,
    start: secondsOfDay(span.start),
    end: secondsOfDay(span.end),
    actions: span.actions,
    from: parseInstant(span.from),
    until: span.until === undefined || span.until === null ? Infinity : parseInstant(span.until),
  };
}

/** Indexes a validated input once; facts and the guard both read the result. */
export function prepare(input: ParsedInput): { context: GuardContext; assumptions: AssumptionEntry[] } {
  const { loan } = input;
  const debtId = loan.debtId ?? loan.id;
  const zones = resolveZones(loan.borrower.timeZone, loan.borrower.timeZones);
  const context: GuardContext = {
    now: input.now,
    product: loan.product,
    debtId,
    zones,
    index: indexHistory(input.history, debtId),
    statuses: (loan.borrower.statuses ?? []).map((status) => ({
      type: status.type,
      from: parseInstant(status.from),
      until: status.until === undefined || status.until === null ? Infinity : parseInstant(status.until),
      debtId: status.debtId,
    })),
    optOuts: (loan.borrower.optOuts ?? []).map((optOut) => ({ channel: optOut.channel, at: parseInstant(optOut.at), address: optOut.address })),
    balance: loan.balance,
    currency: loan.currency,
    oldestUnpaidDueDate: loan.oldestUnpaidDueDate ?? undefined,
    limitationExpiresOn: loan.limitationExpiresOn ?? undefined,
    inconvenientTimes: (loan.borrower.inconvenientTimes ?? []).map(timedSpan),
    agreedTimes: (loan.borrower.agreedTimes ?? []).map(timedSpan),
  };
  const zoneProblem = unknownZoneReason(zones);
  const assumptions: AssumptionEntry[] =
    zoneProblem === undefined ? [] : [{ type: 'assumption.stricter', subject: 'time-zone', reason: `${zoneProblem}: every rule that needs it blocks contact` }];
  return { context, assumptions };
}
