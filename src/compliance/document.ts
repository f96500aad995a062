import type { ActionType, Actor, Channel, Direction, LegalStep, NoticeType, Outcome, Purpose, Recipient, StatusType } from '../domain/vocabulary.js';

/** How sure the figure is (COMPLIANCE.md): H = the rule's own text was read; M = two or more secondary sources agree; L = one secondary source or an inference. @category Compliance */
export type Confidence = 'H' | 'M' | 'L';

/** Who a rule binds, so a lender can select the rules that bind it. @category Compliance */
export type Addressee = 'creditor' | 'third_party_collector' | 'licensed_agency' | 'association_member';

/** A day type of a window: a weekday, or `holiday` for a date in the rule's `holidays`. @category Compliance */
export type DayType = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun' | 'holiday';

/** Fields every compliance rule has. @category Compliance */
export interface RuleBase {
  /** Unique, kebab-case, jurisdiction first: `us-reg-f-7-in-7`. */
  id: string;
  /** The legal source: `12 CFR 1006.14(b)(2)(i)(A)`. */
  citation: string;
  /** One sentence: what the rule requires. */
  summary: string;
  confidence: Confidence;
  /** Who the rule binds; absent = everyone. */
  binds?: readonly Addressee[] | undefined;
  /** The actions the rule restricts; absent = every action. */
  actions?: readonly ActionType[] | undefined;
  /** Loan products the rule applies to (`credit_card`); absent = every product. */
  products?: readonly string[] | undefined;
  /** Free-text note for auditors: the reading chosen where the source is ambiguous. */
  note?: string | undefined;
  /**
   * A delinquency-dependent exception: the rule stops applying once the loan is more than
   * `daysPastDueOver` days past due (borrower-local days, the fewest over candidate zones). With
   * `optIn` (the default) the exception is off until the lender enables it:
   * `loadCompliance(docs, { exceptions: ['<rule id>'] })`.
   */
  exception?: { daysPastDueOver: number; optIn?: boolean | undefined } | undefined;
}

/** One local-time span, on the listed day types. Times are `HH:MM` or `HH:MM:SS`; `end` may be `24:00`. @category Compliance */
export interface TimeSpan {
  days: readonly DayType[];
  start: string;
  end: string;
}

/**
 * Contact only inside local-time windows, evaluated in every candidate zone of the borrower.
 * On a date listed in `holidays` only spans whose `days` include `holiday` apply.
 * @category Compliance
 */
export interface WindowRule extends RuleBase {
  kind: 'window';
  windows: readonly TimeSpan[];
  /** Whether the instant `start` itself is inside; default `true`. An exclusive start opens one second later. */
  includeStart?: boolean | undefined;
  /** Whether the instant `end` itself is inside; default `false`. */
  includeEnd?: boolean | undefined;
  /** Borrower-local dates (`YYYY-MM-DD`) that are holidays. */
  holidays?: readonly string[] | undefined;
  /**
   * Named holiday calendars (`RU`, `ID`) whose dates are holidays too. Calendars are inputs:
   * supply them with `loadCompliance(docs, { calendars })` (`arrears/holidays` builds them from
   * the date-holidays package). A date in a year the calendar does not cover fails closed.
   */
  holidayCalendars?: readonly string[] | undefined;
  /** Whether times the borrower agreed to (`borrower.agreedTimes`) are permitted as well. */
  allowAgreedTimes?: boolean | undefined;
}

/** Which history events a cap counts or a cool-down starts from. @category Compliance */
export interface EventFilter {
  channels: readonly Channel[];
  /** Outcomes that count; absent = every outcome. */
  outcomes?: readonly Outcome[] | undefined;
  /** Directions that count; default `['outbound']` for caps, both for cool-downs. */
  directions?: readonly Direction[] | undefined;
  /** Whose contacts count; default both the lender's and its agencies'. */
  by?: readonly Actor[] | undefined;
  /** Who the contacts were with; default `['borrower']`. */
  recipients?: readonly Recipient[] | undefined;
}

/**
 * The period a cap counts over:
 * - `consecutive-days`: `days` borrower-local calendar days ending today (today is day `days`);
 *   `days: 1` is the local calendar day.
 * - `rolling`: the last `hours` hours, `t − hours < at ≤ t`.
 * - `calendar-week`: the local week containing today, starting on `weekStartsOn`.
 * - `calendar-month`: the local calendar month containing today.
 * @category Compliance
 */
export type CapPeriod =
  | { type: 'consecutive-days'; days: number }
  | { type: 'rolling'; hours: number }
  | { type: 'calendar-week'; weekStartsOn: 'mon' | 'sun' }
  | { type: 'calendar-month' };

/**
 * Whose events are counted together: `debt` (events about the loan's `debtId`), `borrower`
 * (every event in the history, whatever the debt), `address` (events to the same number or
 * address as the action's `params.address`; without one, every address counts).
 * @category Compliance
 */
export type CapScope = 'debt' | 'borrower' | 'address';

/** At most `max` counted events per period, the action itself included. @category Compliance */
export interface CapRule extends RuleBase {
  kind: 'cap';
  max: number;
  period: CapPeriod;
  scope: CapScope;
  counts: EventFilter;
}

/** How long a cool-down lasts: `consecutive-days` (the day of the event is day 1) or `rolling` hours. @category Compliance */
export type CoolDownDuration = { type: 'consecutive-days'; days: number } | { type: 'rolling'; hours: number };

/** After an event matching `after`, the actions wait for `duration`. @category Compliance */
export interface CoolDownRule extends RuleBase {
  kind: 'cool-down';
  after: EventFilter;
  scope: 'debt' | 'borrower';
  duration: CoolDownDuration;
}

/** While one of `statuses` holds, the actions are blocked (deferred to the status's end when it has one). @category Compliance */
export interface StatusRule extends RuleBase {
  kind: 'status';
  statuses: readonly StatusType[];
  /** Purposes that stay allowed while the status holds (a statutory notice, a reply to the borrower). */
  allowPurposes?: readonly Purpose[] | undefined;
  /** How long a status given without `until` lasts from its `from` (a debt-advice pause of about 30 days); default for good. */
  assumedDuration?: CoolDownDuration | undefined;
  /** How long the rule keeps holding after a status ends (a mental-health crisis moratorium: treatment plus 30 days). */
  extendAfterEnd?: CoolDownDuration | undefined;
}

/**
 * A channel opt-out is honoured at once and for good: a `borrower.optOuts` entry, or a contact
 * on that channel with outcome `stop_request` (a STOP reply; "stop calling" said on a call).
 * Applies across debts.
 * @category Compliance
 */
export interface OptOutRule extends RuleBase {
  kind: 'opt-out';
  /** Channels whose opt-outs this rule honours; absent = every channel. */
  channels?: readonly Channel[] | undefined;
  allowPurposes?: readonly Purpose[] | undefined;
}

/**
 * Times the borrower designated as inconvenient (`borrower.inconvenientTimes`) are honoured:
 * inside one, the action waits for its end, in every candidate zone.
 * @category Compliance
 */
export interface DesignatedTimesRule extends RuleBase {
  kind: 'designated-times';
  /** Purposes that stay allowed inside a designated time (a reply to the borrower's own message). */
  allowPurposes?: readonly Purpose[] | undefined;
}

/**
 * No legal step once the limitation period has run out (`loan.limitationExpiresOn`, a
 * borrower-local date: from that date on the debt is time-barred). Applies to `legal` actions
 * whose `params.step` is in `steps` (an action naming no step could be any).
 * @category Compliance
 */
export interface TimeBarredRule extends RuleBase {
  kind: 'time-barred';
  steps?: readonly LegalStep[] | undefined;
  /** Whether an unknown limitation date blocks too; default `true` (fail-closed). */
  requireKnown?: boolean | undefined;
}

/** A legal step needs a balance of at least `amount` in `currency` (a UK bankruptcy petition: £5,000). @category Compliance */
export interface MinimumBalanceRule extends RuleBase {
  kind: 'minimum-balance';
  amount: number;
  /** ISO 4217; a loan in another currency is blocked (no conversion is guessed). */
  currency: string;
  steps?: readonly LegalStep[] | undefined;
}

/**
 * A legal step waits for `wait` after a notice of type `notice` was served (a CCA default notice:
 * 14 days; a letter of claim: 30 days). Without such a notice in the history it is blocked.
 * @category Compliance
 */
export interface NoticePeriodRule extends RuleBase {
  kind: 'notice-period';
  notice: NoticeType;
  wait: CoolDownDuration;
  steps?: readonly LegalStep[] | undefined;
}

/**
 * Contacts with third parties (`params.recipient: 'third_party'`): only while the borrower is
 * unreachable (no conversation with the borrower in the last `unreachable.days` days and at least
 * `unreachable.minAttempts` unanswered attempts to the borrower in them), at most `maxPerContact`
 * contacts with one contact person, and never again after that person asked to stop.
 * @category Compliance
 */
export interface ThirdPartyRule extends RuleBase {
  kind: 'third-party';
  unreachable?: { days: number; minAttempts: number } | undefined;
  maxPerContact?: number | undefined;
  /** Whether a `stop_request` or `refused` outcome from a contact person stops contact with them; default `true`. */
  honourStop?: boolean | undefined;
}

/** One compliance rule: a union on `kind`. @category Compliance */
export type ComplianceRule =
  | WindowRule
  | CapRule
  | CoolDownRule
  | StatusRule
  | OptOutRule
  | DesignatedTimesRule
  | TimeBarredRule
  | MinimumBalanceRule
  | NoticePeriodRule
  | ThirdPartyRule;

/** The kinds of compliance rule. */
export const RULE_KINDS = ['window', 'cap', 'cool-down', 'status', 'opt-out', 'designated-times', 'time-barred', 'minimum-balance', 'notice-period', 'third-party'] as const;

/**
 * What a lender may do: a jurisdiction's rules, each with an id and a citation. Documents
 * compose: every rule of every document must be satisfied, so the stricter rule wins.
 * @category Compliance
 */
export interface ComplianceDocument {
  $schema?: string | undefined;
  /** Preset id or your own: `us-federal`, `acme-house-rules`. */
  id: string;
  title: string;
  /** ISO 3166 code, with a subdivision where it applies: `US`, `US-MA`, `CN`. */
  jurisdiction: string;
  /** Date of the figures (`YYYY-MM-DD`). */
  version: string;
  /** True when figures are reported but the rule text was not read. */
  provisional?: boolean | undefined;
  description?: string | undefined;
  rules: readonly ComplianceRule[];
}
