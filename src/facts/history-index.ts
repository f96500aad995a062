import type { HistoryEvent } from '../domain/history.js';
import type { Actor, Channel, Direction, NoticeType, Outcome, Purpose, Recipient, StepAction } from '../domain/vocabulary.js';
import { CHANNELS, OUTCOMES } from '../domain/vocabulary.js';
import { parseInstant } from '../_lib/instant.js';

/** A contact event with its instant in epoch ms and its defaults filled in. @category Facts */
export interface IndexedContact {
  at: number;
  channel: Channel;
  direction: Direction;
  outcome: Outcome;
  by: Actor;
  debtId: string;
  address: string | undefined;
  purpose: Purpose;
  recipient: Recipient;
  contactId: string | undefined;
}

/** A promise with its instant in epoch ms. @category Facts */
export interface IndexedPromise {
  at: number;
  amount: number;
  dueDate: string;
  debtId: string;
}

/** A payment with its instant in epoch ms. @category Facts */
export interface IndexedPayment {
  at: number;
  amount: number;
  debtId: string;
}

/** A notice served, with its instant in epoch ms. @category Facts */
export interface IndexedNotice {
  at: number;
  notice: NoticeType;
  debtId: string;
}

/** A non-contact step with its instant in epoch ms. @category Facts */
export interface IndexedStep {
  at: number;
  action: StepAction;
  debtId: string;
}

/**
 * A loan's history, built in one pass: each kind of event in ascending time, ties broken by a
 * total order on the event's fields, so the index (and every fact and verdict read from it) is
 * the same whatever the order of the input array.
 * @category Facts
 */
export interface HistoryIndex {
  contacts: readonly IndexedContact[];
  promises: readonly IndexedPromise[];
  payments: readonly IndexedPayment[];
  steps: readonly IndexedStep[];
  notices: readonly IndexedNotice[];
}

const byContact = (a: IndexedContact, b: IndexedContact): number =>
  a.at - b.at ||
  CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel) ||
  OUTCOMES.indexOf(a.outcome) - OUTCOMES.indexOf(b.outcome) ||
  compareStrings(a.direction, b.direction) ||
  compareStrings(a.by, b.by) ||
  compareStrings(a.debtId, b.debtId) ||
  compareStrings(a.address ?? '', b.address ?? '') ||
  compareStrings(a.purpose, b.purpose) ||
  compareStrings(a.recipient, b.recipient) ||
  compareStrings(a.contactId ?? '', b.contactId ?? '');

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Indexes a validated history in one pass, for `deriveFacts` and the guard.
 * @param history - Validated history events, in any order (not mutated).
 * @param debtId - The loan's debt (`loan.debtId ?? loan.id`), the default for events without one.
 * @returns The events by kind, ascending in time.
 * @category Facts
 */
export function indexHistory(history: readonly HistoryEvent[], debtId: string): HistoryIndex {
  const contacts: IndexedContact[] = [];
  const promises: IndexedPromise[] = [];
  const payments: IndexedPayment[] = [];
  const steps: IndexedStep[] = [];
  const notices: IndexedNotice[] = [];
  for (const event of history) {
    const at = parseInstant(event.at);
    const debt = event.debtId ?? debtId;
    switch (event.type) {
      case 'contact':
        contacts.push({
          at,
          channel: event.channel,
          direction: event.direction,
          outcome: event.outcome,
          by: event.by ?? 'lender',
          debtId: debt,
          address: event.address,
          purpose: event.purpose ?? 'collection',
          recipient: event.recipient ?? 'borrower',
          contactId: event.contactId,
        });
        break;
      case 'promise':
        promises.push({ at, amount: event.amount, dueDate: event.dueDate, debtId: debt });
        break;
      case 'payment':
        payments.push({ at, amount: event.amount, debtId: debt });
        break;
      case 'step':
        steps.push({ at, action: event.action, debtId: debt });
        break;
      case 'notice':
        notices.push({ at, notice: event.notice, debtId: debt });
        break;
    }
  }
  contacts.sort(byContact);
  promises.sort((a, b) => a.at - b.at || compareStrings(a.dueDate, b.dueDate) || a.amount - b.amount || compareStrings(a.debtId, b.debtId));
  payments.sort((a, b) => a.at - b.at || a.amount - b.amount || compareStrings(a.debtId, b.debtId));
  steps.sort((a, b) => a.at - b.at || compareStrings(a.action, b.action) || compareStrings(a.debtId, b.debtId));
  notices.sort((a, b) => a.at - b.at || compareStrings(a.notice, b.notice) || compareStrings(a.debtId, b.debtId));
  return { contacts, promises, payments, steps, notices };
}

/**
 * Index of the first element whose `at` is greater than `ms` (events are ascending). Searches
 * are nearly all for recent instants (now, or now less a cap's span), so it gallops back from
 * the end (1, 2, 4, … elements) before bisecting: one read when every event is at or before
 * `ms`, and few reads, near each other, for a search within the last days of a long history.
 */
export function upperBound(events: readonly { at: number }[], ms: number): number {
  const length = events.length;
  let lo = 0;
  let hi = length;
  for (let back = 1; back <= length; back *= 2) {
    const probe = length - back;
    if (events[probe]!.at <= ms) {
      lo = probe + 1;
      break;
    }
    hi = probe;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid]!.at <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
