import type { Actor, Channel, Direction, NoticeType, Outcome, Purpose, Recipient, StepAction } from './vocabulary.js';

/** A contact attempt or contact through a channel. @category Domain */
export interface ContactEvent {
  type: 'contact';
  /** ISO instant with an offset. For electronic messages, when it was sent. */
  at: string;
  channel: Channel;
  direction: Direction;
  outcome: Outcome;
  /** Who made the contact; default `lender`. */
  by?: Actor | undefined;
  /** Which debt it was about; default the loan's `debtId`. */
  debtId?: string | undefined;
  /** The number or e-mail address used. */
  address?: string | undefined;
  /** Why it was made; default `collection`. */
  purpose?: Purpose | undefined;
  /** Who it was with; default `borrower`. */
  recipient?: Recipient | undefined;
  /** For a third party: which contact person (an emergency contact's id). */
  contactId?: string | undefined;
}

/** A promise to pay `amount` by the borrower-local date `dueDate`. @category Domain */
export interface PromiseEvent {
  type: 'promise';
  at: string;
  amount: number;
  dueDate: string;
  debtId?: string | undefined;
}

/** A payment received. @category Domain */
export interface PaymentEvent {
  type: 'payment';
  at: string;
  amount: number;
  debtId?: string | undefined;
}

/** A non-contact step taken: a legal step, an agency placement, a hardship plan offer. @category Domain */
export interface StepEvent {
  type: 'step';
  at: string;
  action: StepAction;
  debtId?: string | undefined;
}

/** A notice served on the borrower, which starts a legal clock (a default notice, a letter of claim). @category Domain */
export interface NoticeEvent {
  type: 'notice';
  /** When it was served (or is deemed served). */
  at: string;
  notice: NoticeType;
  debtId?: string | undefined;
}

/** One entry of a loan's history. History may come in any order and is never mutated. @category Domain */
export type HistoryEvent = ContactEvent | PromiseEvent | PaymentEvent | StepEvent | NoticeEvent;
