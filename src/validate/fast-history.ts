/**
 * The history's fast path. A decision input's history is most of its size (hundreds of events),
 * and zod's object parsing allocated about 3 KB per event: validation was 90% of `decide` on a raw
 * input, and most of a batch worker's garbage. Events that are plainly well-formed are checked
 * here by hand, against the very patterns and vocabularies of the schema, and copied in the
 * schema's key order. At the first event this code is not sure of, it gives up and the whole
 * input goes through zod, which names every issue with its path: errors always come from zod,
 * and a differential property test holds this code to zod's output.
 */
import { ACTORS, CHANNELS, DIRECTIONS, NOTICE_TYPES, OUTCOMES, PURPOSES, RECIPIENTS, STEP_ACTIONS } from '../domain/vocabulary.js';
import type { HistoryEvent } from '../domain/history.js';
import { isId, isMoney } from './primitives.js';
import { lazy } from './parse.js';
import { isPlainObject } from './plain-data.js';

/** A calendar date as zod's `z.iso.date()` matches it (leap years included), without anchors. */
const DATE = String.raw`(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))`;

/**
 * The schema's own patterns, those of `instantString()` and `localDateString()`, written out: a
 * test holds them to the schemas' (source and flags), so they cannot drift unseen. Reading them
 * from the schemas meant building two zod schemas in every process's first decision, 0.4–0.6 ms
 * of it in fresh processes on the benchmark's VM.
 */
export const historyPatterns = lazy(() => ({
  instant: new RegExp(String.raw`^${DATE}T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|([+-](?:[01]\d|2[0-3]):[0-5]\d)))$`),
  date: new RegExp(`^${DATE}$`),
}));

const sets = lazy(() => ({
  channel: new Set<unknown>(CHANNELS),
  direction: new Set<unknown>(DIRECTIONS),
  outcome: new Set<unknown>(OUTCOMES),
  by: new Set<unknown>(ACTORS),
  purpose: new Set<unknown>(PURPOSES),
  recipient: new Set<unknown>(RECIPIENTS),
  action: new Set<unknown>(STEP_ACTIONS),
  notice: new Set<unknown>(NOTICE_TYPES),
}));

export const isInstant = (value: unknown): value is string => typeof value === 'string' && historyPatterns().instant.test(value);
export const isDate = (value: unknown): value is string => typeof value === 'string' && historyPatterns().date.test(value);

/** Own enumerable keys of `record`, or -1 when it also has an inherited enumerable one. */
export function ownKeyCount(record: object): number {
  let count = 0;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) return -1;
    count++;
  }
  return count;
}

/**
 * One event copied in the schema's key order (required keys, then the optional ones present),
 * or `undefined` when zod should look at it. Each value is read once. The count of own keys
 * against the count copied makes it strict: an unknown key, an optional key present with
 * `undefined`, or an inherited one sends the event to zod.
 */
function fastEvent(event: unknown): HistoryEvent | undefined {
  // A plain object, as the plain-data walk would require (it does not walk a history taken here).
  if (typeof event !== 'object' || event === null || !isPlainObject(event)) return undefined;
  const record = event as Record<string, unknown>;
  const vocabulary = sets();
  const { type, at, debtId } = record;
  if (!isInstant(at) || (debtId !== undefined && !isId(debtId))) return undefined;
  let copy: Record<string, unknown>;
  let copied: number;
  switch (type) {
    case 'contact': {
      const { channel, direction, outcome, by, address, purpose, recipient, contactId } = record;
      if (!vocabulary.channel.has(channel) || !vocabulary.direction.has(direction) || !vocabulary.outcome.has(outcome)) return undefined;
      copy = { type, at, channel, direction, outcome };
      copied = 5;
      if (by !== undefined) {
        if (!vocabulary.by.has(by)) return undefined;
        copy['by'] = by;
        copied++;
      }
      if (debtId !== undefined) {
        copy['debtId'] = debtId;
        copied++;
      }
      if (address !== undefined) {
        if (!isId(address)) return undefined;
        copy['address'] = address;
        copied++;
      }
      if (purpose !== undefined) {
        if (!vocabulary.purpose.has(purpose)) return undefined;
        copy['purpose'] = purpose;
        copied++;
      }
      if (recipient !== undefined) {
        if (!vocabulary.recipient.has(recipient)) return undefined;
        copy['recipient'] = recipient;
        copied++;
      }
      if (contactId !== undefined) {
        if (!isId(contactId)) return undefined;
        copy['contactId'] = contactId;
        copied++;
      }
      break;
    }
    case 'promise': {
      const { amount, dueDate } = record;
      if (!isMoney(amount) || !isDate(dueDate)) return undefined;
      copy = { type, at, amount, dueDate };
      copied = 4;
      if (debtId !== undefined) {
        copy['debtId'] = debtId;
        copied++;
      }
      break;
    }
    case 'payment': {
      const { amount } = record;
      if (!isMoney(amount)) return undefined;
      copy = { type, at, amount };
      copied = 3;
      if (debtId !== undefined) {
        copy['debtId'] = debtId;
        copied++;
      }
      break;
    }
    case 'step': {
      const { action } = record;
      if (!vocabulary.action.has(action)) return undefined;
      copy = { type, at, action };
      copied = 3;
      if (debtId !== undefined) {
        copy['debtId'] = debtId;
        copied++;
      }
      break;
    }
    case 'notice': {
      const { notice } = record;
      if (!vocabulary.notice.has(notice)) return undefined;
      copy = { type, at, notice };
      copied = 3;
      if (debtId !== undefined) {
        copy['debtId'] = debtId;
        copied++;
      }
      break;
    }
    default:
      return undefined;
  }
  return ownKeyCount(record) === copied ? (copy as unknown as HistoryEvent) : undefined;
}

/**
 * The history validated and copied without zod, or `undefined` when any event (or the list
 * itself) needs zod's judgement. What it accepts is plain data as the plain-data walk means it
 * (plain objects of own enumerable keys holding strings and numbers, at most `maxEvents` of
 * them), so a history taken here needs no walk of its own.
 */
export function fastHistory(history: unknown, maxEvents: number): HistoryEvent[] | undefined {
  if (!Array.isArray(history) || history.length > maxEvents) return undefined;
  const events = new Array<HistoryEvent>(history.length);
  for (let i = 0; i < history.length; i++) {
    const event = fastEvent(history[i]);
    if (event === undefined) return undefined;
    events[i] = event;
  }
  return events;
}
