/**
 * The loan's fast path, as `fast-history.ts` is the history's: after the history, zod's parsing
 * of the loan and its borrower was most of what validating an input allocated (about 11 KB of
 * the 24 KB). A plainly well-formed loan is checked here by hand, against the schema's own
 * patterns and vocabularies, and copied in the schema's key order; anything this code is not
 * sure of goes to zod, which judges and names every issue. A differential property test holds
 * this code to zod's output.
 */
import { ACTION_TYPES, CHANNELS, STATUS_TYPES } from '../domain/vocabulary.js';
import type { Loan } from '../domain/loan.js';
import { isDate, isInstant, ownKeyCount } from './fast-history.js';
import { ATTRIBUTE_KEY, CURRENCY_CODE, LOCAL_TIME, WEEKDAYS } from './input-schema.js';
import { lazy } from './parse.js';
import { isFiniteNumber, isId, isMoney } from './primitives.js';

const sets = lazy(() => ({
  status: new Set<unknown>(STATUS_TYPES),
  channel: new Set<unknown>(CHANNELS),
  action: new Set<unknown>(ACTION_TYPES),
  weekday: new Set<unknown>(WEEKDAYS),
}));

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isZone = (value: unknown): value is string => typeof value === 'string' && value.length >= 1 && value.length <= 64;

/**
 * A list whose every item `copyItem` accepts, copied, or `undefined`. `min`/`max` bound its
 * length. Arrays from the plain-data walk have no holes worth trusting: a hole reads `undefined`,
 * which no item accepts.
 */
function copyList<T>(value: unknown, min: number, max: number, copyItem: (item: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(value) || value.length < min || value.length > max) return undefined;
  const out = new Array<T>(value.length);
  for (let i = 0; i < value.length; i++) {
    const item = copyItem(value[i]);
    if (item === undefined) return undefined;
    out[i] = item;
  }
  return out;
}

const vocabularyItem = (set: ReadonlySet<unknown>) => (item: unknown) => (set.has(item) ? item : undefined);

function copyStatus(value: unknown): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  const { type, from, until, debtId } = value;
  if (!sets().status.has(type) || !isInstant(from)) return undefined;
  const copy: Record<string, unknown> = { type, from };
  let copied = 2;
  if (until !== undefined) {
    if (until !== null && !isInstant(until)) return undefined;
    copy['until'] = until;
    copied++;
  }
  if (debtId !== undefined) {
    if (!isId(debtId)) return undefined;
    copy['debtId'] = debtId;
    copied++;
  }
  return ownKeyCount(value) === copied ? copy : undefined;
}

function copyOptOut(value: unknown): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  const { channel, at, address } = value;
  if (!sets().channel.has(channel) || !isInstant(at)) return undefined;
  const copy: Record<string, unknown> = { channel, at };
  let copied = 2;
  if (address !== undefined) {
    if (!isId(address)) return undefined;
    copy['address'] = address;
    copied++;
  }
  return ownKeyCount(value) === copied ? copy : undefined;
}

function copyTimeSpan(value: unknown): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  const { days, start, end, actions, from, until } = value;
  const vocabulary = sets();
  const dayList = copyList(days, 1, 7, vocabularyItem(vocabulary.weekday));
  if (dayList === undefined || typeof start !== 'string' || !LOCAL_TIME.test(start) || typeof end !== 'string' || !LOCAL_TIME.test(end)) return undefined;
  const copy: Record<string, unknown> = { days: dayList, start, end };
  let copied = 3;
  if (actions !== undefined) {
    const actionList = copyList(actions, 1, Number.POSITIVE_INFINITY, vocabularyItem(vocabulary.action));
    if (actionList === undefined) return undefined;
    copy['actions'] = actionList;
    copied++;
  }
  if (!isInstant(from)) return undefined;
  copy['from'] = from;
  copied++;
  if (until !== undefined) {
    if (until !== null && !isInstant(until)) return undefined;
    copy['until'] = until;
    copied++;
  }
  return ownKeyCount(value) === copied ? copy : undefined;
}

const copyZone = (zone: unknown) => (isZone(zone) ? zone : undefined);

/** The borrower's lists, in the schema's order, with their longest length and how to copy an item. */
const BORROWER_LISTS = [
  ['statuses', 1000, copyStatus],
  ['optOuts', 1000, copyOptOut],
  ['inconvenientTimes', 100, copyTimeSpan],
  ['agreedTimes', 100, copyTimeSpan],
] as const;

function copyBorrower(value: unknown): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  const { id, timeZone, timeZones, addressVerified } = value;
  if (!isId(id)) return undefined;
  const copy: Record<string, unknown> = { id };
  let copied = 1;
  if (timeZone !== undefined) {
    if (!isZone(timeZone)) return undefined;
    copy['timeZone'] = timeZone;
    copied++;
  }
  if (timeZones !== undefined) {
    const list = copyList(timeZones, 1, 16, copyZone);
    if (list === undefined) return undefined;
    copy['timeZones'] = list;
    copied++;
  }
  if (addressVerified !== undefined) {
    if (typeof addressVerified !== 'boolean') return undefined;
    copy['addressVerified'] = addressVerified;
    copied++;
  }
  for (const [key, max, copyItem] of BORROWER_LISTS) {
    const list = value[key];
    if (list === undefined) continue;
    const items = copyList<Record<string, unknown>>(list, 0, max, copyItem);
    if (items === undefined) return undefined;
    copy[key] = items;
    copied++;
  }
  return ownKeyCount(value) === copied ? copy : undefined;
}

/** `attributes`: own keys as `Reflect.ownKeys` gives them (as zod's record reads them), each enumerable. */
function copyAttributes(value: unknown): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  const copy: Record<string, unknown> = {};
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key !== 'string' || !ATTRIBUTE_KEY.test(key) || !Object.prototype.propertyIsEnumerable.call(value, key)) return undefined;
    const item = value[key];
    if (!((typeof item === 'string' && item.length <= 1000) || isFiniteNumber(item) || typeof item === 'boolean')) return undefined;
    copy[key] = item;
  }
  return copy;
}

/**
 * The loan validated and copied without zod, in the schema's key order (present keys only), or
 * `undefined` when anything in it needs zod's judgement: an unknown key, an optional key
 * present with `undefined`, a value of the wrong kind. `loan` has passed the plain-data walk.
 */
export function fastLoan(loan: unknown): Loan | undefined {
  if (!isRecord(loan)) return undefined;
  const { id, product, currency, balance, amountOverdue, oldestUnpaidDueDate, debtId, riskScore, limitationExpiresOn, attributes, borrower } = loan;
  if (!isId(id) || !isId(product) || typeof currency !== 'string' || !CURRENCY_CODE.test(currency) || !isMoney(balance) || !isMoney(amountOverdue)) return undefined;
  const copy: Record<string, unknown> = { id, product, currency, balance, amountOverdue };
  let copied = 5;
  if (oldestUnpaidDueDate !== undefined) {
    if (oldestUnpaidDueDate !== null && !isDate(oldestUnpaidDueDate)) return undefined;
    copy['oldestUnpaidDueDate'] = oldestUnpaidDueDate;
    copied++;
  }
  if (debtId !== undefined) {
    if (!isId(debtId)) return undefined;
    copy['debtId'] = debtId;
    copied++;
  }
  if (riskScore !== undefined) {
    if (riskScore !== null && !isFiniteNumber(riskScore)) return undefined;
    copy['riskScore'] = riskScore;
    copied++;
  }
  if (limitationExpiresOn !== undefined) {
    if (limitationExpiresOn !== null && !isDate(limitationExpiresOn)) return undefined;
    copy['limitationExpiresOn'] = limitationExpiresOn;
    copied++;
  }
  if (attributes !== undefined) {
    const attributesCopy = copyAttributes(attributes);
    if (attributesCopy === undefined) return undefined;
    copy['attributes'] = attributesCopy;
    copied++;
  }
  const borrowerCopy = copyBorrower(borrower);
  if (borrowerCopy === undefined) return undefined;
  copy['borrower'] = borrowerCopy;
  copied++;
  return ownKeyCount(loan) === copied ? (copy as unknown as Loan) : undefined;
}
