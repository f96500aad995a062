import type { Channel, StatusType } from './vocabulary.js';

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
  borrower: Borrower;
}
