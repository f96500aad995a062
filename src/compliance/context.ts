import type { ActionType, Channel, LegalStep, Purpose, Recipient, StatusType } from '../domain/vocabulary.js';
import type { HistoryIndex } from '../facts/history-index.js';
import type { ZoneResolution } from '../_lib/local-time.js';

/** A borrower status with its bounds in epoch ms (`until` = Infinity for good). */
export interface TimedStatus {
  type: StatusType;
  from: number;
  until: number;
  debtId: string | undefined;
}

export interface TimedOptOut {
  channel: Channel;
  at: number;
  address: string | undefined;
}

/** A borrower-designated or agreed local-time span, with its validity in epoch ms. */
export interface TimedSpan {
  days: readonly string[];
  start: number;
  end: number;
  actions: readonly ActionType[] | undefined;
  from: number;
  until: number;
}

/** Everything the guard reads about a loan; it never sees the policy. */
export interface GuardContext {
  now: number;
  product: string;
  debtId: string;
  balance: number;
  currency: string;
  /** `YYYY-MM-DD` or undefined when not past due. */
  oldestUnpaidDueDate: string | undefined;
  limitationExpiresOn: string | undefined;
  inconvenientTimes: readonly TimedSpan[];
  agreedTimes: readonly TimedSpan[];
  zones: ZoneResolution;
  index: HistoryIndex;
  statuses: readonly TimedStatus[];
  optOuts: readonly TimedOptOut[];
}

/** The action being judged, with the params the guard reads. */
export interface GuardAction {
  type: ActionType;
  purpose: Purpose;
  address: string | undefined;
  /** For `legal` actions: the kind of step, when named. */
  step: LegalStep | undefined;
  recipient: Recipient;
  contactId: string | undefined;
}

/** A rule's answer at one instant: satisfied, or not with the earliest later instant it could be (`null` = none can be computed). */
export type CheckResult = { ok: true } | { ok: false; next: number | null; reason: string };

/** A rule bound to one action and one loan, asked at successive instants. */
export type Evaluator = (t: number) => CheckResult;
