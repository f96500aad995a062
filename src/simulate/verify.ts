/**
 * The simulation's independent checker. It never calls the guard: it re-reads each compliance
 * rule's data and checks every simulated action against the whole simulated history, in every
 * candidate zone of the borrower, with its own wall clock (`wall-clock.ts`, `Intl` only). A
 * disagreement with the guard is a violation in the report, and a bug in one of the two.
 */
import type { CapRule, CoolDownDuration, CoolDownRule, EventFilter, OptOutRule, StatusRule, WindowRule } from '../compliance/document.js';
import type { LoadedRule } from '../compliance/load-compliance.js';
import type { ContactEvent, HistoryEvent } from '../domain/history.js';
import type { Loan } from '../domain/loan.js';
import { CHANNELS, type ActionType, type Channel, type Purpose } from '../domain/vocabulary.js';
import { oneOrMany, plural } from '../_lib/plural.js';
import { dayDifference, knowsZone, wallTime } from './wall-clock.js';

/**
 * One action the simulation took, as the checker sees it.
 * @category Simulate
 */
export interface SimulatedAction {
  loanId: string;
  /** ISO instant (UTC). */
  at: string;
  type: ActionType;
  /** The policy rule that proposed it. */
  rule: string;
  purpose: Purpose;
  address?: string | undefined;
  /** Index in the loan's final history of the event the action produced: never counted against itself. */
  event?: number | undefined;
  /** The loan's `oldestUnpaidDueDate` when the action was taken (for days-past-due exceptions). */
  oldestUnpaidDueDate: string | null;
}

/**
 * An action that broke a compliance rule, found by the independent checker (expected: none).
 * @category Simulate
 */
export interface Violation {
  loanId: string;
  at: string;
  action: ActionType;
  /** The policy rule that proposed the action. */
  policyRule: string;
  ruleId: string;
  citation: string;
  kind: string;
  reason: string;
}

/** An ISO instant without zero milliseconds. */
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Kinds whose checks the simulation re-implements. */
export const VERIFIED_KINDS = ['window', 'cap', 'cool-down', 'status', 'opt-out'] as const;
/** Stand-in zones when the borrower's zone is unknown: the extremes and UTC. */
const ANY_ZONE = ['Pacific/Kiritimati', 'UTC', 'Etc/GMT+12'];

interface Contact extends ContactEvent {
  index: number;
  ms: number;
}

interface LoanView {
  loan: Loan;
  debtId: string;
  zones: string[];
  zonesKnown: boolean;
  contacts: Contact[];
}

function view(loan: Loan, history: readonly HistoryEvent[]): LoanView {
  const named = [...new Set([...(loan.borrower.timeZone === undefined ? [] : [loan.borrower.timeZone]), ...(loan.borrower.timeZones ?? [])])];
  const zonesKnown = named.length > 0 && named.every(knowsZone);
  const contacts: Contact[] = [];
  history.forEach((event, index) => {
    if (event.type === 'contact') contacts.push({ ...event, index, ms: Date.parse(event.at) });
  });
  return { loan, debtId: loan.debtId ?? loan.id, zones: zonesKnown ? named : [], zonesKnown, contacts };
}

/** The first instant at which the local date in `zone` is `days` days after the date of `at` (a binary search on the wall clock). */
function startOfDayAfter(at: number, days: number, zone: string): number {
  const first = wallTime(at, zone)!.date;
  let lo = at;
  let hi = at + (days + 2) * DAY_MS;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (dayDifference(first, wallTime(mid, zone)!.date) >= days) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** When a wait of `duration` from `at` ends: the latest over the zones. */
function endOf(at: number, duration: CoolDownDuration, zones: readonly string[]): number {
  if (duration.type === 'rolling') return at + duration.hours * HOUR_MS;
  return Math.max(...zones.map((zone) => startOfDayAfter(at, duration.days, zone)));
}

function matches(contact: Contact, filter: EventFilter, defaultDirections: readonly string[] | undefined): boolean {
  const directions = filter.directions ?? defaultDirections;
  const recipient = contact.recipient ?? 'borrower';
  const recipients = filter.recipients ?? ['borrower'];
  return (
    filter.channels.includes(contact.channel) &&
    (filter.outcomes === undefined || filter.outcomes.includes(contact.outcome)) &&
    (directions === undefined || directions.includes(contact.direction)) &&
    (filter.by === undefined || filter.by.includes(contact.by ?? 'lender')) &&
    recipients.includes(recipient)
  );
}

function others(loan: LoanView, action: SimulatedAction, t: number): Contact[] {
  return loan.contacts.filter((contact) => contact.index !== action.event && contact.ms <= t);
}

function checkWindow(rule: WindowRule & { calendarYears?: readonly number[] }, loan: LoanView, action: SimulatedAction, t: number): string | undefined {
  if (!loan.zonesKnown) return 'taken without a known time zone, so local time could not be established';
  const holidays = new Set(rule.holidays ?? []);
  const includeStart = rule.includeStart ?? true;
  const includeEnd = rule.includeEnd ?? false;
  const secondsOf = (time: string) => time.split(':').map(Number).reduce((sum, part, i) => sum + part * [3600, 60, 1][i]!, 0);
  for (const zone of loan.zones) {
    const wall = wallTime(t, zone)!;
    if (rule.calendarYears !== undefined && !rule.calendarYears.includes(Number(wall.date.slice(0, 4)))) return `taken on ${wall.date} (${zone}), a year the rule's holiday calendars do not cover`;
    const type = holidays.has(wall.date) ? 'holiday' : WEEKDAYS[wall.weekday]!;
    const inside = rule.windows.some((span) => {
      if (!span.days.includes(type)) return false;
      const start = secondsOf(span.start);
      const end = secondsOf(span.end);
      return (includeStart ? wall.seconds >= start : wall.seconds > start) && (includeEnd ? wall.seconds <= end : wall.seconds < end);
    });
    const agreed =
      rule.allowAgreedTimes === true &&
      (loan.loan.borrower.agreedTimes ?? []).some(
        (span) =>
          Date.parse(span.from) <= t &&
          (span.until === undefined || span.until === null || t < Date.parse(span.until)) &&
          (span.actions === undefined || span.actions.includes(action.type)) &&
          (span.days as readonly string[]).includes(WEEKDAYS[wall.weekday]!) &&
          wall.seconds >= secondsOf(span.start) &&
          wall.seconds < secondsOf(span.end),
      );
    if (!inside && !agreed) {
      const clock = `${String(Math.floor(wall.seconds / 3600)).padStart(2, '0')}:${String(Math.floor((wall.seconds % 3600) / 60)).padStart(2, '0')}`;
      return `taken at ${clock} local time on ${wall.date} (${zone}${type === 'holiday' ? ', a holiday' : ''}), outside ${rule.windows.map((span) => `${span.days.join('/')} ${span.start}–${span.end}`).join(', ')}`;
    }
  }
  return undefined;
}

function weekStart(weekday: number, startsOn: 'mon' | 'sun'): number {
  const back = (weekday - (startsOn === 'mon' ? 1 : 0) + 7) % 7;
  return -back;
}

/** `at most 3 are permitted, this one included`. */
const atMost = (max: number) => `at most ${max} ${oneOrMany(max, 'is', 'are')} permitted, this one included`;

function checkCap(rule: CapRule, loan: LoanView, action: SimulatedAction, t: number): string | undefined {
  const counted = others(loan, action, t).filter((contact) => {
    if (!matches(contact, rule.counts, ['outbound'])) return false;
    if (rule.scope === 'debt') return (contact.debtId ?? loan.debtId) === loan.debtId;
    if (rule.scope === 'address' && action.address !== undefined) return contact.address === undefined || contact.address === action.address;
    return true;
  });
  const period = rule.period;
  if (period.type === 'rolling') {
    const count = counted.filter((contact) => contact.ms > t - period.hours * HOUR_MS).length;
    return count >= rule.max ? `${plural(count, 'counted contact')} in the ${plural(period.hours, 'hour')} before it; ${atMost(rule.max)}` : undefined;
  }
  for (const zone of loan.zonesKnown ? loan.zones : ANY_ZONE) {
    const today = wallTime(t, zone)!;
    const count = counted.filter((contact) => {
      const date = wallTime(contact.ms, zone)!.date;
      const ago = dayDifference(date, today.date);
      switch (period.type) {
        case 'consecutive-days':
          return ago >= 0 && ago < period.days;
        case 'calendar-week':
          return ago >= 0 && -ago >= weekStart(today.weekday, period.weekStartsOn);
        case 'calendar-month':
          return date.slice(0, 7) === today.date.slice(0, 7);
      }
    }).length;
    if (count >= rule.max) return `${plural(count, 'counted contact')} in the ${period.type === 'consecutive-days' ? plural(period.days, 'local day') : period.type === 'calendar-week' ? 'local week' : 'local month'} up to ${today.date} (${zone}); ${atMost(rule.max)}`;
  }
  return undefined;
}

function checkCoolDown(rule: CoolDownRule, loan: LoanView, action: SimulatedAction, t: number): string | undefined {
  const zones = loan.zonesKnown ? loan.zones : ANY_ZONE;
  for (const contact of others(loan, action, t)) {
    if (!matches(contact, rule.after, undefined)) continue;
    if (rule.scope === 'debt' && (contact.debtId ?? loan.debtId) !== loan.debtId) continue;
    const end = endOf(contact.ms, rule.duration, zones);
    if (t < end) return `within the wait after a ${contact.channel} ${contact.outcome.replaceAll('_', ' ')} at ${contact.at}, which ends ${iso(end)}`;
  }
  return undefined;
}

function checkStatus(rule: StatusRule, loan: LoanView, action: SimulatedAction, t: number): string | undefined {
  if (rule.allowPurposes?.includes(action.purpose)) return undefined;
  const zones = loan.zonesKnown ? loan.zones : ANY_ZONE;
  const assumed = rule.assumedDuration;
  const extend = rule.extendAfterEnd;
  for (const status of loan.loan.borrower.statuses ?? []) {
    if (!rule.statuses.includes(status.type) || (status.debtId !== undefined && status.debtId !== loan.debtId)) continue;
    const from = Date.parse(status.from);
    let until = status.until === undefined || status.until === null ? Infinity : Date.parse(status.until);
    if (until === Infinity && assumed !== undefined) until = endOf(from, assumed, zones);
    if (until !== Infinity && extend !== undefined) until = endOf(until, extend, zones);
    if (from <= t && t < until) return `status "${status.type}" holds from ${status.from}${until === Infinity ? ' with no end' : ` until ${iso(until)}`}`;
  }
  return undefined;
}

function checkOptOut(rule: OptOutRule, loan: LoanView, action: SimulatedAction, t: number): string | undefined {
  const channel = (CHANNELS as readonly string[]).includes(action.type) ? (action.type as Channel) : undefined;
  if (channel === undefined || (rule.channels !== undefined && !rule.channels.includes(channel))) return undefined;
  if (rule.allowPurposes?.includes(action.purpose)) return undefined;
  const sameAddress = (address: string | undefined) => address === undefined || action.address === undefined || address === action.address;
  const optOut = (loan.loan.borrower.optOuts ?? []).find((o) => o.channel === channel && sameAddress(o.address) && Date.parse(o.at) <= t);
  if (optOut !== undefined) return `the borrower opted out of ${channel} at ${optOut.at}`;
  const stop = others(loan, action, t).find((c) => c.channel === channel && c.outcome === 'stop_request' && sameAddress(c.address));
  return stop === undefined ? undefined : `the borrower asked to stop ${channel} contact at ${stop.at}`;
}

/** Days past due at `t`: the fewest over the zones, as the guard's exceptions count them. */
function daysPastDue(loan: LoanView, due: string | null, t: number): number {
  if (due === null) return 0;
  const zones = loan.zonesKnown ? loan.zones : ['UTC'];
  return Math.max(0, Math.min(...zones.map((zone) => dayDifference(due, wallTime(t, zone)!.date))));
}

function applies(rule: LoadedRule, loan: LoanView, action: SimulatedAction, t: number): boolean {
  if (rule.actions !== undefined && !rule.actions.includes(action.type)) return false;
  if (rule.products !== undefined && !rule.products.includes(loan.loan.product)) return false;
  const exception = rule.exception;
  if (exception !== undefined && rule.exceptionEnabled === true && daysPastDue(loan, action.oldestUnpaidDueDate, t) > exception.daysPastDueOver) return false;
  return true;
}

/**
 * Checks simulated actions against compliance rules, independently of the guard: windows at
 * each action instant in every candidate zone, caps, cool-downs, statuses and opt-outs, over the
 * whole simulated history. Rules of other kinds are returned in `unverified`.
 * @param loan - The loan at the end of the simulation (statuses and opt-outs carry their instants).
 * @param history - Its whole history: what was given plus every simulated event.
 * @param actions - The actions taken, in time order.
 * @param rules - The compliance rules that applied (`compliance.rules`).
 * @returns Every violation found, and the ids of rules whose kind this checker does not re-implement.
 * @category Simulate
 */
export function verifyActions(
  loan: Loan,
  history: readonly HistoryEvent[],
  actions: readonly SimulatedAction[],
  rules: readonly LoadedRule[],
): { violations: Violation[]; unverified: string[] } {
  const subject = view(loan, history);
  const violations: Violation[] = [];
  const unverified = rules.filter((rule) => !(VERIFIED_KINDS as readonly string[]).includes(rule.kind)).map((rule) => rule.id);
  for (const action of actions) {
    const t = Date.parse(action.at);
    for (const rule of rules) {
      if (!applies(rule, subject, action, t)) continue;
      let reason: string | undefined;
      switch (rule.kind) {
        case 'window':
          reason = checkWindow(rule, subject, action, t);
          break;
        case 'cap':
          reason = checkCap(rule, subject, action, t);
          break;
        case 'cool-down':
          reason = checkCoolDown(rule, subject, action, t);
          break;
        case 'status':
          reason = checkStatus(rule, subject, action, t);
          break;
        case 'opt-out':
          reason = checkOptOut(rule, subject, action, t);
          break;
        default:
          continue;
      }
      if (reason !== undefined) {
        violations.push({ loanId: action.loanId, at: action.at, action: action.type, policyRule: action.rule, ruleId: rule.id, citation: rule.citation, kind: rule.kind, reason: `${action.type} ${reason}` });
      }
    }
  }
  return { violations, unverified };
}
