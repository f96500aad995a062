import type { Compliance } from '../compliance/load-compliance.js';
import { decide } from '../decide.js';
import type { Action } from '../domain/action.js';
import type { ContactEvent, HistoryEvent, PaymentEvent } from '../domain/history.js';
import type { DecisionInput, InstantInput } from '../domain/input.js';
import type { Loan } from '../domain/loan.js';
import { ACTION_TYPES, channelOf, PURPOSES, type ActionType, type Outcome, type Purpose } from '../domain/vocabulary.js';
import { ArrearsValidationError } from '../errors.js';
import type { Policy } from '../policy/load-policy.js';
import { copyJson } from '../_lib/copy-json.js';
import { DAY_MS, formatInstant, HOUR_MS, MINUTE_MS } from '../_lib/instant.js';
import { addDaysToDate, isValidZone, localDate } from '../_lib/local-time.js';
import { bandOf, complianceAt, daysPastDueOf, forLoan, type DpdBand, type PortfolioCompliance } from '../diff/portfolio.js';
import { mulberry32, streamSeed, type Random } from './random.js';
import { verifyActions, type SimulatedAction, type Violation } from './verify.js';

/**
 * How simulated borrowers respond: probabilities between 0 and 1, drawn from the seeded
 * generator. See {@link DEFAULT_OUTCOME_RATES}.
 * @category Simulate
 */
export interface OutcomeRates {
  /** A call is answered (a conversation). */
  callAnswered: number;
  /** A field visit finds the borrower. */
  visitMet: number;
  /** A conversation ends in a promise to pay the amount overdue within 3 days. */
  promiseOnConversation: number;
  /** A promise is kept: paid within 2 to 62 hours. */
  promiseKept: number;
  /** A conversation ends in a refusal. */
  refusedOnConversation: number;
  /** The borrower says "stop calling" (an opt-out of the channel). */
  stopOnConversation: number;
  /** The borrower disputes the debt in a conversation (a `dispute` status from then on). */
  disputeOnConversation: number;
  /** An SMS or e-mail fails to deliver. */
  messageFailed: number;
  /** The borrower replies STOP to an SMS. */
  smsStop: number;
  /** A hardship plan offer is accepted (a `hardship_plan` status for 90 days). */
  hardshipAccepted: number;
  /** A borrower pays the amount overdue unprompted on a given day. */
  selfCure: number;
}

/**
 * The outcome rates used unless overridden: roughly those of a consumer-finance call centre.
 * @category Simulate
 */
export const DEFAULT_OUTCOME_RATES: Readonly<OutcomeRates> = {
  callAnswered: 0.3,
  visitMet: 0.5,
  promiseOnConversation: 0.4,
  promiseKept: 0.6,
  refusedOnConversation: 0.15,
  stopOnConversation: 0.03,
  disputeOnConversation: 0.03,
  messageFailed: 0.03,
  smsStop: 0.01,
  hardshipAccepted: 0.5,
  selfCure: 0.01,
};

/**
 * Options of {@link simulate}.
 * @category Simulate
 */
export interface SimulateOptions {
  policy: Policy;
  /** What every loan is judged under (or a function choosing it per loan). */
  compliance: PortfolioCompliance;
  /** The first instant simulated; every loan starts there (each input's own `now` is not used). */
  start: InstantInput;
  /** How many days to simulate, 1 to 366. */
  days: number;
  /** Seed of the outcome generator: the same seed gives the same simulation. */
  seed: number;
  /** Outcome probabilities laid over {@link DEFAULT_OUTCOME_RATES}. */
  rates?: Partial<OutcomeRates> | undefined;
  /** Actions a loan may take in one simulated day: the lender's capacity. @default 4 */
  maxActionsPerDay?: number | undefined;
  /** Minutes between two actions on one loan. @default 60 */
  minutesBetweenActions?: number | undefined;
  /** Called after each loan, for progress bars. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/**
 * Where a loan ended up: `cured` (nothing overdue), `hardship_plan` (a plan holds), `disputed`
 * (a dispute holds), `promise_pending` (a promise is due on the last day or later), `in_arrears`.
 * @category Simulate
 */
export type EndState = 'cured' | 'hardship_plan' | 'disputed' | 'promise_pending' | 'in_arrears';

/** The end states, in report order. */
export const END_STATES: readonly EndState[] = ['cured', 'promise_pending', 'hardship_plan', 'disputed', 'in_arrears'];

/**
 * Actions taken on one simulated day.
 * @category Simulate
 */
export interface SimulatedDay {
  /** 1 for the first day. */
  day: number;
  /** UTC date of the day's start. */
  date: string;
  total: number;
  actions: Record<ActionType, number>;
}

/**
 * One loan at the end of the simulation.
 * @category Simulate
 */
export interface SimulatedLoan {
  loanId: string;
  product: string;
  state: EndState;
  daysPastDueAtStart: number;
  daysPastDueAtEnd: number;
  bandAtStart: DpdBand;
  actions: number;
  amountOverdueAtStart: number;
  amountOverdueAtEnd: number;
}

/**
 * What a simulated month did: actions per day and action, what borrowers did, where loans ended
 * up, and every compliance violation the independent checker found (expected: none). Plain JSON.
 * @category Simulate
 */
export interface SimulationReport {
  start: string;
  end: string;
  days: number;
  seed: number;
  policyHash: string;
  complianceHashes: string[];
  loans: number;
  decisions: number;
  actions: number;
  perDay: SimulatedDay[];
  perAction: Record<ActionType, number>;
  outcomes: { conversations: number; promises: number; payments: number; amountPaid: number; stopRequests: number; disputes: number; hardshipPlans: number };
  endStates: Record<EndState, number>;
  violations: Violation[];
  /** Ids of compliance rules of kinds the checker does not re-implement (their verdicts are the guard's alone). */
  unverifiedRules: string[];
  loanResults: SimulatedLoan[];
}

const zeroActions = (): Record<ActionType, number> => Object.fromEntries(ACTION_TYPES.map((type) => [type, 0])) as Record<ActionType, number>;
const MONEY = 10_000;
const money = (amount: number) => Math.round(amount * MONEY) / MONEY;

interface LoanRun {
  loan: Loan;
  history: HistoryEvent[];
  actions: SimulatedAction[];
  pending: PaymentEvent[];
  decisions: number;
}

interface Counters {
  perDay: SimulatedDay[];
  outcomes: SimulationReport['outcomes'];
}

function pick<T>(random: Random, choices: readonly (readonly [T, number])[]): T {
  let r = random() * choices.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of choices) {
    r -= weight;
    if (r < 0) return value;
  }
  return choices[choices.length - 1]![0];
}

function zoneOf(loan: Loan): string {
  const zones = [...(loan.borrower.timeZone === undefined ? [] : [loan.borrower.timeZone]), ...(loan.borrower.timeZones ?? [])].filter(isValidZone).sort();
  return zones[0] ?? 'UTC';
}

function pay(run: LoanRun, payment: PaymentEvent, counters: Counters): void {
  run.history.push(payment);
  const loan = run.loan;
  loan.amountOverdue = money(Math.max(0, loan.amountOverdue - payment.amount));
  loan.balance = money(Math.max(0, loan.balance - payment.amount));
  if (loan.amountOverdue === 0) loan.oldestUnpaidDueDate = null;
  counters.outcomes.payments++;
  counters.outcomes.amountPaid = money(counters.outcomes.amountPaid + payment.amount);
}

/** A conversation's outcome, with the events it leads to. */
function converse(run: LoanRun, at: number, random: Random, rates: OutcomeRates, counters: Counters): Outcome {
  counters.outcomes.conversations++;
  const outcome = pick<'stop' | 'dispute' | 'promise' | 'refused' | 'talk'>(random, [
    ['stop', rates.stopOnConversation],
    ['dispute', rates.disputeOnConversation],
    ['promise', rates.promiseOnConversation],
    ['refused', rates.refusedOnConversation],
    ['talk', Math.max(0, 1 - rates.stopOnConversation - rates.disputeOnConversation - rates.promiseOnConversation - rates.refusedOnConversation)],
  ]);
  switch (outcome) {
    case 'stop':
      counters.outcomes.stopRequests++;
      return 'stop_request';
    case 'dispute':
      counters.outcomes.disputes++;
      // The dispute is raised during the conversation: it holds from when the call ends.
      run.loan.borrower.statuses = [...(run.loan.borrower.statuses ?? []), { type: 'dispute', from: formatInstant(at + MINUTE_MS) }];
      return 'conversation';
    case 'promise': {
      counters.outcomes.promises++;
      const amount = money(Math.max(run.loan.amountOverdue, 0.01));
      run.history.push({ type: 'promise', at: formatInstant(at + MINUTE_MS), amount, dueDate: addDaysToDate(localDate(at, zoneOf(run.loan)), 3) });
      if (random() < rates.promiseKept) run.pending.push({ type: 'payment', at: formatInstant(at + Math.round((2 + random() * 60) * HOUR_MS)), amount });
      return 'promise_to_pay';
    }
    case 'refused':
      return 'refused';
    case 'talk':
      return 'conversation';
  }
}

/** The params the compliance rules read: a known `purpose` (default `collection`) and a string `address`. */
function actionParams(params: Readonly<Record<string, unknown>>): { purpose: Purpose; address: string | undefined } {
  const purpose = params['purpose'];
  const address = params['address'];
  return {
    purpose: typeof purpose === 'string' && (PURPOSES as readonly string[]).includes(purpose) ? (purpose as Purpose) : 'collection',
    address: typeof address === 'string' ? address : undefined,
  };
}

/** Records an action and the events its outcome leads to. */
function take(run: LoanRun, action: Action, at: number, random: Random, rates: OutcomeRates, counters: Counters): void {
  const { purpose, address } = actionParams(action.params);
  const record: SimulatedAction = { loanId: run.loan.id, at: formatInstant(at), type: action.type, rule: action.rule, purpose, oldestUnpaidDueDate: run.loan.oldestUnpaidDueDate ?? null, event: run.history.length };
  if (address !== undefined) record.address = address;
  run.actions.push(record);
  const channel = channelOf(action.type);
  if (channel === undefined) {
    run.history.push({ type: 'step', at: record.at, action: action.type as 'legal' | 'agency' | 'hardship_plan' });
    if (action.type === 'hardship_plan' && random() < rates.hardshipAccepted) {
      counters.outcomes.hardshipPlans++;
      run.loan.borrower.statuses = [...(run.loan.borrower.statuses ?? []), { type: 'hardship_plan', from: formatInstant(at + MINUTE_MS), until: formatInstant(at + 90 * DAY_MS) }];
    }
    return;
  }
  const contact: ContactEvent = { type: 'contact', at: record.at, channel, direction: 'outbound', outcome: 'delivered' };
  if (purpose !== 'collection') contact.purpose = purpose;
  if (address !== undefined) contact.address = address;
  run.history.push(contact);
  switch (channel) {
    case 'call':
      contact.outcome = random() < rates.callAnswered ? converse(run, at, random, rates, counters) : pick<Outcome>(random, [['no_answer', 6], ['voicemail', 3], ['busy', 1]]);
      break;
    case 'visit':
      contact.outcome = random() < rates.visitMet ? converse(run, at, random, rates, counters) : 'no_answer';
      break;
    case 'sms':
    case 'email': {
      const r = random();
      if (r < rates.messageFailed) contact.outcome = 'failed';
      else if (channel === 'sms' && r < rates.messageFailed + rates.smsStop) {
        counters.outcomes.stopRequests++;
        const reply: ContactEvent = { type: 'contact', at: formatInstant(at + 5 * MINUTE_MS), channel: 'sms', direction: 'inbound', outcome: 'stop_request' };
        if (address !== undefined) reply.address = address;
        run.history.push(reply);
      }
      break;
    }
    case 'letter':
      break;
  }
}

function endState(loan: Loan, history: readonly HistoryEvent[], end: number): EndState {
  if (loan.oldestUnpaidDueDate === null || loan.oldestUnpaidDueDate === undefined || loan.amountOverdue === 0) return 'cured';
  const holds = (type: string) =>
    (loan.borrower.statuses ?? []).some((s) => s.type === type && Date.parse(s.from) <= end && (s.until === undefined || s.until === null || end < Date.parse(s.until)));
  if (holds('hardship_plan')) return 'hardship_plan';
  if (holds('dispute')) return 'disputed';
  const today = localDate(end, zoneOf(loan));
  const promise = history.filter((e) => e.type === 'promise').at(-1);
  if (promise !== undefined && promise.type === 'promise' && promise.dueDate >= today) return 'promise_pending';
  return 'in_arrears';
}

function instantOf(start: InstantInput): number {
  const ms = start instanceof Date ? start.getTime() : typeof start === 'number' ? start : Date.parse(start);
  return Number.isFinite(ms) && (typeof start !== 'string' || /(?:Z|[+-]\d\d:\d\d)$/i.test(start)) ? ms : NaN;
}

/**
 * Replays a portfolio day by day: decides each loan, takes every `act` decision at its instant
 * (the lender's capacity permitting), draws the borrower's response from a seeded generator
 * (answered or not, a promise kept or broken, a payment, a STOP, a dispute) and feeds it back
 * as history; waits are honoured to the instant. Then an independent checker, which never calls
 * the guard, checks every action against every window, cap, cool-down, status and opt-out rule
 * over the whole simulated history. Pure: same inputs and seed, same report.
 * @param portfolio - Decision inputs, one per loan (their `now` is ignored: every loan starts at `start`).
 * @param options - {@link SimulateOptions}.
 * @returns A {@link SimulationReport}; `violations` should be empty.
 * @throws `ArrearsValidationError` `INVALID_OPTIONS` for bad `start`, `days` or `seed`; `INVALID_INPUT` for an invalid loan (paths prefixed with its index).
 * @example
 * ```ts
 * import { simulate } from 'arrears/testing';
 * const report = simulate(portfolio, { policy, compliance, start: '2026-07-01T00:00:00Z', days: 30, seed: 7 });
 * expect(report.violations).toEqual([]);
 * ```
 * @category Simulate
 */
export function simulate(portfolio: readonly DecisionInput[], options: SimulateOptions): SimulationReport {
  const start = instantOf(options.start);
  const issues = [];
  if (!Number.isFinite(start)) issues.push({ code: 'invalid_type', path: 'start', message: 'Expected `start`: an ISO-8601 instant with an offset or `Z`, a `Date` or epoch milliseconds' });
  if (!Number.isInteger(options.days) || options.days < 1 || options.days > 366) issues.push({ code: 'invalid_value', path: 'days', message: 'Expected `days` to be a whole number from 1 to 366' });
  if (!Number.isInteger(options.seed)) issues.push({ code: 'invalid_type', path: 'seed', message: 'Expected `seed` to be an integer' });
  if (issues.length > 0) throw new ArrearsValidationError('options', issues);
  const rates: OutcomeRates = { ...DEFAULT_OUTCOME_RATES, ...options.rates };
  const perDayCap = options.maxActionsPerDay ?? 4;
  const spacing = (options.minutesBetweenActions ?? 60) * MINUTE_MS;
  const end = start + options.days * DAY_MS;
  const counters: Counters = {
    perDay: Array.from({ length: options.days }, (_, d) => ({ day: d + 1, date: formatInstant(start + d * DAY_MS).slice(0, 10), total: 0, actions: zeroActions() })),
    outcomes: { conversations: 0, promises: 0, payments: 0, amountPaid: 0, stopRequests: 0, disputes: 0, hardshipPlans: 0 },
  };
  const violations: Violation[] = [];
  const unverified = new Set<string>();
  const hashes = new Set<string>();
  const loanResults: SimulatedLoan[] = [];
  let decisions = 0;

  portfolio.forEach((input, index) => {
    const compliance: Compliance = complianceAt(options.compliance, input, index);
    hashes.add(compliance.hash);
    const startInput = { ...input, now: formatInstant(start) };
    const daysAtStart = forLoan(index, () => daysPastDueOf(startInput));
    const run: LoanRun = { loan: copyJson(input.loan) as Loan, history: copyJson([...(input.history ?? [])]) as HistoryEvent[], actions: [], pending: [], decisions: 0 };
    const amountAtStart = run.loan.amountOverdue;
    const random = mulberry32(streamSeed(options.seed, run.loan.id));
    const taken = new Map<number, number>();
    let selfCureDay = -1;
    let t = start;
    while (t < end) {
      // Payments due by now arrive first.
      run.pending.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
      while (run.pending.length > 0 && Date.parse(run.pending[0]!.at) <= t) pay(run, run.pending.shift()!, counters);
      if (run.loan.oldestUnpaidDueDate === null || run.loan.oldestUnpaidDueDate === undefined) break;
      const day = Math.floor((t - start) / DAY_MS);
      if (day !== selfCureDay) {
        selfCureDay = day;
        if (random() < rates.selfCure) run.pending.push({ type: 'payment', at: formatInstant(t + Math.round(random() * 12 * HOUR_MS)), amount: money(run.loan.amountOverdue) });
      }
      const decision = forLoan(index, () => decide({ now: formatInstant(t), loan: run.loan, history: run.history }, { policy: options.policy, compliance }));
      run.decisions++;
      const nextDay = start + (day + 1) * DAY_MS;
      const nextPayment = run.pending.reduce((soonest, p) => Math.min(soonest, Date.parse(p.at)), Infinity);
      let next: number;
      if (decision.type === 'act') {
        take(run, decision.action, t, random, rates, counters);
        const count = (taken.get(day) ?? 0) + 1;
        taken.set(day, count);
        const today = counters.perDay[day]!;
        today.total++;
        today.actions[decision.action.type]++;
        next = count >= perDayCap ? nextDay : Math.min(t + spacing, nextDay);
      } else if (decision.type === 'wait') {
        next = Math.min(Date.parse(decision.at), nextDay, nextPayment);
      } else {
        next = Math.min(nextDay, nextPayment);
      }
      t = Math.max(next, t + MINUTE_MS);
    }
    decisions += run.decisions;
    const checked = verifyActions(run.loan, run.history, run.actions, compliance.rules);
    violations.push(...checked.violations);
    checked.unverified.forEach((id) => unverified.add(id));
    const daysAtEnd = daysPastDueOf({ now: formatInstant(end), loan: run.loan, history: run.history });
    loanResults.push({
      loanId: run.loan.id,
      product: run.loan.product,
      state: endState(run.loan, run.history, end),
      daysPastDueAtStart: daysAtStart,
      daysPastDueAtEnd: daysAtEnd,
      bandAtStart: bandOf(daysAtStart),
      actions: run.actions.length,
      amountOverdueAtStart: amountAtStart,
      amountOverdueAtEnd: run.loan.amountOverdue,
    });
    options.onProgress?.(index + 1, portfolio.length);
  });

  const perAction = zeroActions();
  for (const day of counters.perDay) for (const type of ACTION_TYPES) perAction[type] += day.actions[type];
  const endStates = Object.fromEntries(END_STATES.map((state) => [state, 0])) as Record<EndState, number>;
  for (const result of loanResults) endStates[result.state]++;
  return {
    start: formatInstant(start),
    end: formatInstant(end),
    days: options.days,
    seed: options.seed,
    policyHash: options.policy.hash,
    complianceHashes: [...hashes].sort(),
    loans: portfolio.length,
    decisions,
    actions: Object.values(perAction).reduce((sum, n) => sum + n, 0),
    perDay: counters.perDay,
    perAction,
    outcomes: counters.outcomes,
    endStates,
    violations,
    unverifiedRules: [...unverified].sort(),
    loanResults,
  };
}
