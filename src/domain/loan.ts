import type { ActionType, Channel, StatusType } from './vocabulary.js';

/** A time-bounded condition: holds from `from` (inclusive) until `until` (exclusive) or for good. @category Domain */
export interface BorrowerStatus {
  type: StatusType;
  /** ISO instant with an offset; may be backdated. */
  from: string;
  /** ISO instant with an offset; absent or `null` = for good. */
  until?: string | null | undefined;
  /** Limits the status to one debt (an attorney for this debt, a cease request about it); absent = every debt. */
  debtId?: string | undefined;
}

/** A channel opt-out ("reply STOP"), effective from `at`. @category Domain */
export interface OptOut {
  channel: Channel;
  /** ISO instant with an offset. */
  at: string;
  /** The number or address opted out; absent = every address of that channel. */
  address?: string | undefined;
}

/**
 * A local-time span the borrower asked not to be contacted in ("not weekdays 3–5 pm"), or
 * agreed to be contacted in. Days are `mon`…`sun`; times `HH:MM`. @category Domain
 */
export interface BorrowerTimeSpan {
  days: readonly ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[];
  start: string;
  end: string;
  /** The actions it concerns; absent = every contact. */
  actions?: readonly ActionType[] | undefined;
  /** When the borrower said so (ISO instant); it applies from then. */
  from: string;
  /** When it stops applying (ISO instant); absent = until withdrawn. */
  until?: string | null | undefined;
}

/** The borrower behind a loan. @category Domain */
export interface Borrower {
  id: string;
  /** IANA zone of the borrower's location. */
  timeZone?: string | undefined;
  /** Several candidate zones when the location is ambiguous: a window must hold in every one. */
  timeZones?: readonly string[] | undefined;
  addressVerified?: boolean | undefined;
  statuses?: readonly BorrowerStatus[] | undefined;
  optOuts?: readonly OptOut[] | undefined;
  /** Times the borrower designated as inconvenient (US Reg F 1006.6(b)(1), UK CONC 7.9.4R). */
  inconvenientTimes?: readonly BorrowerTimeSpan[] | undefined;
  /** Times the borrower agreed to be contacted in, which a window rule with `allowAgreedTimes` adds (China "双方约定"). */
  agreedTimes?: readonly BorrowerTimeSpan[] | undefined;
}

/** Lender facts attached to a loan, read by policies as `attributes.<key>`. @category Domain */
export type Attributes = Readonly<Record<string, string | number | boolean>>;

/** An overdue loan. Money is in major units of `currency`. @category Domain */
export interface Loan {
  id: string;
  /** Free string: `cash_loan`, `pos_instalment`, `credit_card`, `auto`… */
  product: string;
  /** ISO 4217 code. */
  currency: string;
  balance: number;
  amountOverdue: number;
  /** Borrower-local date (`YYYY-MM-DD`); absent or `null` = not past due. */
  oldestUnpaidDueDate?: string | null | undefined;
  /** The "particular debt" key for per-debt caps and statuses; defaults to `id`. */
  debtId?: string | undefined;
  /** Scale and direction are the lender's. */
  riskScore?: number | null | undefined;
  attributes?: Attributes | undefined;
  /** Borrower-local date on which the limitation period for suing on the debt ends (state or national law). */
  limitationExpiresOn?: string | null | undefined;
  borrower: Borrower;
}
