import type { CheckAction } from '../domain/action.js';
import type { HistoryEvent } from '../domain/history.js';
import type { CheckInput, DecisionInput } from '../domain/input.js';
import type { Loan } from '../domain/loan.js';
import { ArrearsValidationError, type Issue } from '../errors.js';
import { formatInstant, parseInstant } from '../_lib/instant.js';
import { checkActionSchema, inputSchema } from './input-schema.js';
import { safeParseWith } from './parse.js';

/** A validated input: `now` in epoch ms and as a canonical ISO string. */
export interface ParsedInput {
  now: number;
  nowIso: string;
  loan: Loan;
  history: readonly HistoryEvent[];
}

/** `now` may be a `Date` or epoch ms in the library API; JSON carries a string. */
function normaliseNow(now: unknown): { value: unknown; issue?: Issue } {
  if (now instanceof Date) {
    const ms = now.getTime();
    return Number.isFinite(ms) ? { value: now.toISOString() } : { value: now, issue: { code: 'invalid_date', path: 'now', message: 'Expected a valid `Date`, got an invalid one' } };
  }
  if (typeof now === 'number') {
    return Number.isFinite(now) && Math.abs(now) <= 8.64e15
      ? { value: new Date(now).toISOString() }
      : { value: now, issue: { code: 'invalid_type', path: 'now', message: 'Expected epoch milliseconds as a finite number' } };
  }
  return { value: now };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parse(input: unknown, withAction: boolean): { parsed: ParsedInput; action?: CheckAction } {
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
  const result = safeParseWith(inputSchema(), candidate);
  if (!result.success) issues.push(...result.issues.filter((issue) => !(now.issue && issue.path === 'now')));
  let parsedAction: CheckAction | undefined;
  if (withAction) {
    const actionResult = safeParseWith(checkActionSchema(), action, ['action']);
    if (actionResult.success) parsedAction = actionResult.data as CheckAction;
    else issues.push(...actionResult.issues);
  }
  if (issues.length > 0 || !result.success) throw new ArrearsValidationError('input', issues);
  const data = result.data;
  const ms = parseInstant(data.now);
  const parsed: ParsedInput = { now: ms, nowIso: formatInstant(ms), loan: data.loan as Loan, history: (data.history ?? []) as HistoryEvent[] };
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
