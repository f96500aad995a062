import type { CheckAction } from '../domain/action.js';
import type { HistoryEvent } from '../domain/history.js';
import type { CheckInput, DecisionInput } from '../domain/input.js';
import type { Loan } from '../domain/loan.js';
import { ArrearsValidationError, type Issue } from '../errors.js';
import { formatInstant, parseInstant } from '../_lib/instant.js';
import { fastHistory, isInstant, ownKeyCount } from './fast-history.js';
import { fastLoan } from './fast-loan.js';
import { checkActionSchema, inputSchema, inputShellSchema, MAX_HISTORY_EVENTS } from './input-schema.js';
import { EARLIEST_NOW, EARLIEST_NOW_MS, LATEST_NOW, LATEST_NOW_MS, MAX_INPUT_DEPTH } from './limits.js';
import { safeParseWith } from './parse.js';
import { isPlainObject, plainDataIssues } from './plain-data.js';

/** A validated input: `now` in epoch ms and as a canonical ISO string. */
export interface ParsedInput {
  now: number;
  nowIso: string;
  loan: Loan;
  history: readonly HistoryEvent[];
}

/** The time value of a `Date` from any realm, or `undefined` for anything else. */
function timeOfDate(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  try {
    return Date.prototype.getTime.call(value);
  } catch {
    return undefined;
  }
}

/** `now` may be a `Date` or epoch ms in the library API; JSON carries a string. */
function normaliseNow(now: unknown): { value: unknown; issue?: Issue } {
  const ms = timeOfDate(now);
  if (ms !== undefined) {
    return Number.isFinite(ms) ? { value: new Date(ms).toISOString() } : { value: now, issue: { code: 'invalid_date', path: 'now', message: 'Expected a valid `Date`, got an invalid one' } };
  }
  if (typeof now === 'number') {
    return Number.isFinite(now) && Math.abs(now) <= 8.64e15
      ? { value: new Date(now).toISOString() }
      : { value: now, issue: { code: 'invalid_type', path: 'now', message: 'Expected epoch milliseconds as a finite number' } };
  }
  return { value: now };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && isPlainObject(value);
}

/** Checks across fields that the schema cannot express; `data` has passed the schema. */
function crossFieldIssues(now: number, loan: Loan): Issue[] {
  const issues: Issue[] = [];
  if (now < EARLIEST_NOW_MS) issues.push({ code: 'too_small', path: 'now', message: `Expected \`now\` at or after ${EARLIEST_NOW}` });
  if (now >= LATEST_NOW_MS) issues.push({ code: 'too_big', path: 'now', message: `Expected \`now\` before ${LATEST_NOW}` });
  (loan.borrower.statuses ?? []).forEach((status, i) => {
    // An empty or reversed interval is a data error (swapped bounds?), not a status that never held.
    if (status.until !== undefined && status.until !== null && parseInstant(status.until) <= parseInstant(status.from)) {
      issues.push({ code: 'invalid_interval', path: `loan.borrower.statuses[${i}].until`, message: 'Expected `until` to be later than `from`' });
    }
  });
  return issues;
}

function parse(input: unknown, withAction: boolean): { parsed: ParsedInput; action?: CheckAction } {
  try {
    return parseData(input, withAction);
  } catch (error) {
    if (error instanceof ArrearsValidationError) throw error;
    // Reading the input threw (a proxy trap, a getter): nothing can be read reliably.
    throw new ArrearsValidationError('input', [{ code: 'invalid_type', path: '', message: 'Expected plain JSON data' }], { cause: error });
  }
}

type InputData = ReturnType<typeof inputSchema> extends { _zod: { output: infer T } } ? T : never;

/**
 * The history's fast path, or `undefined` when it cannot take the history, also when reading it
 * throws (a getter or a proxy trap): the walk then reads it again and names where it threw.
 */
function fastHistoryOrUndefined(history: unknown): HistoryEvent[] | undefined {
  try {
    return fastHistory(history, MAX_HISTORY_EVENTS);
  } catch {
    return undefined;
  }
}

/**
 * The schema's verdict on the whole input. A well-formed history takes its fast path
 * (fast-history.ts), and so does a well-formed loan (fast-loan.ts), else zod checks the rest;
 * anything else, and any input with an issue, is parsed by zod whole, so that issues are always
 * zod's, in zod's order.
 */
function parseCandidate(candidate: Record<string, unknown>): { success: true; data: InputData } | { success: false; issues: Issue[] } {
  const plain = { maxDepth: MAX_INPUT_DEPTH };
  const whole = () => safeParseWith(inputSchema(), candidate, [], plain);
  // The history first: what its fast path takes is plain data, so the walk skips it (on the
  // benchmark's loans, 47 events on average, the walk and the fast path took 13.1 µs, now 8.6).
  const history = fastHistoryOrUndefined(candidate['history']);
  if (history === undefined || plainDataIssues(candidate, [], { ...plain, skipRootKey: 'history' }).length > 0) return whole();
  // `candidate` has `now` and `history`: with `loan` and nothing else, the loan's fast path.
  const now = candidate['now'];
  const loan = ownKeyCount(candidate) === 3 && isInstant(now) ? fastLoan(candidate['loan']) : undefined;
  if (loan !== undefined) return { success: true, data: { now, loan, history } as InputData };
  const { history: _history, ...shell } = candidate;
  const rest = safeParseWith(inputShellSchema(), shell);
  return rest.success ? { success: true, data: { ...rest.data, history } } : whole();
}

function parseData(input: unknown, withAction: boolean): { parsed: ParsedInput; action?: CheckAction } {
  if (!isRecord(input)) {
    throw new ArrearsValidationError('input', [{ code: 'invalid_type', path: '', message: 'Expected an object with `now`, `loan` and `history`' }]);
  }
  const { action, ...rest } = input;
  const issues: Issue[] = [];
  const now = normaliseNow(rest['now']);
  if (now.issue) issues.push(now.issue);
  const candidate = { ...rest, now: now.value };
  if (!withAction && action !== undefined) {
    issues.push({ code: 'unrecognized_keys', path: '', message: 'Unrecognized key: "action" (`action` belongs to `check`, not `decide`)' });
  }
  const result = parseCandidate(candidate);
  if (!result.success) issues.push(...result.issues.filter((issue) => !(now.issue && issue.path === 'now')));
  let parsedAction: CheckAction | undefined;
  if (withAction) {
    const actionResult = safeParseWith(checkActionSchema(), action, ['action'], { maxDepth: MAX_INPUT_DEPTH - 1 });
    if (actionResult.success) parsedAction = actionResult.data as CheckAction;
    else issues.push(...actionResult.issues);
  }
  if (issues.length > 0 || !result.success) throw new ArrearsValidationError('input', issues);
  const data = result.data;
  const ms = parseInstant(data.now);
  const loan = data.loan as Loan;
  const crossIssues = crossFieldIssues(ms, loan);
  if (crossIssues.length > 0) throw new ArrearsValidationError('input', crossIssues);
  const parsed: ParsedInput = { now: ms, nowIso: formatInstant(ms), loan, history: (data.history ?? []) as HistoryEvent[] };
  return parsedAction === undefined ? { parsed } : { parsed, action: parsedAction };
}

/** Validates a decision input or throws an {@link ArrearsValidationError} with every issue. */
export function parseDecisionInput(input: DecisionInput | unknown): ParsedInput {
  return parse(input, false).parsed;
}

/** Validates a check input (a decision input plus `action`). */
export function parseCheckInput(input: CheckInput | unknown): { parsed: ParsedInput; action: CheckAction } {
  const { parsed, action } = parse(input, true);
  return { parsed, action: action! };
}
