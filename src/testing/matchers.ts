import type {} from 'vitest';
import type { ActionType } from '../domain/vocabulary.js';
import type { Verdict } from '../domain/decision.js';
import type { InstantInput } from '../domain/input.js';
import { formatInstant } from '../_lib/instant.js';
import { describeCandidates, describeDecision, describeSubject, describeVerdict, isDecision, isVerdict } from './describe.js';
import type { ScenarioResult } from './scenario.js';

/**
 * What a matcher receives as `this` from `expect.extend` (vitest's and jest's `MatcherState`,
 * reduced to what these matchers read).
 * @category Testing
 */
export interface MatcherContext {
  /** True under `.not`. */
  isNot: boolean;
}

/**
 * What a matcher returns to `expect.extend`.
 * @category Testing
 */
export interface MatcherResult {
  pass: boolean;
  /** The failure message: what was expected and what the subject did instead. */
  message: () => string;
  actual?: unknown;
  expected?: unknown;
}

/**
 * Options of {@link arrearsMatchers}' `toAct` and `toWaitUntil`.
 * @category Testing
 */
export interface ActionExpectation {
  /** The policy rule that must have proposed the action. */
  rule?: string | undefined;
}

/**
 * Options of {@link arrearsMatchers}' `toBeBlockedBy` on a decision.
 * @category Testing
 */
export interface CandidateExpectation {
  /** Only the candidates of this action count. */
  action?: ActionType | undefined;
}

/** The canonical form of an instant (UTC, no zero milliseconds), or the input as text when it is not one. */
function canonical(instant: InstantInput): string {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  return Number.isFinite(ms) ? formatInstant(ms) : String(instant);
}

const candidatesOf = (subject: unknown): string => (isDecision(subject) ? `\n${describeCandidates(subject.candidates)}` : '');

function result(pass: boolean, expected: string, negated: string, actual: string): MatcherResult {
  return { pass, message: () => (pass ? negated : `${expected}, but ${actual}`) };
}

function notDecision(matcher: string, subject: unknown): MatcherResult {
  return {
    pass: false,
    message: () => `${matcher} expects a decision from \`decide\`, but received ${describeSubject(subject)}`,
  };
}

function toAct(this: MatcherContext, received: unknown, action?: ActionType, options: ActionExpectation = {}): MatcherResult {
  if (!isDecision(received)) return notDecision('toAct', received);
  const what = `${action === undefined ? 'an action' : action}${options.rule === undefined ? '' : ` from policy rule "${options.rule}"`}`;
  const pass = received.type === 'act' && (action === undefined || received.action.type === action) && (options.rule === undefined || received.action.rule === options.rule);
  return result(
    pass,
    `Expected the decision to act with ${what} now`,
    `Expected the decision not to act with ${what} now, but it ${describeDecision(received)}`,
    `it ${describeDecision(received)}${candidatesOf(received)}`,
  );
}

function toWaitUntil(this: MatcherContext, received: unknown, instant: InstantInput, action?: ActionType): MatcherResult {
  const at = canonical(instant);
  if (isVerdict(received)) {
    const pass = received.type === 'deferred' && received.until === at;
    return result(pass, `Expected the verdict to be deferred until ${at}`, `Expected the verdict not to be deferred until ${at}, but it is`, `it is ${describeVerdict(received)}`);
  }
  if (!isDecision(received)) return notDecision('toWaitUntil', received);
  const what = action === undefined ? '' : ` for ${action}`;
  const pass = received.type === 'wait' && received.at === at && (action === undefined || received.action.type === action);
  return result(
    pass,
    `Expected the decision to wait until ${at}${what}`,
    `Expected the decision not to wait until ${at}${what}, but it ${describeDecision(received)}`,
    `it ${describeDecision(received)}${candidatesOf(received)}`,
  );
}

function heldBy(verdict: Verdict, id: string): boolean {
  return verdict.type !== 'permitted' && verdict.by.some((ref) => ref.id === id);
}

function toBeBlockedBy(this: MatcherContext, received: unknown, id: string, options: CandidateExpectation = {}): MatcherResult {
  if (isVerdict(received)) {
    const pass = heldBy(received, id);
    return result(pass, `Expected the verdict to be held back by ${id}`, `Expected the verdict not to be held back by ${id}, but it is ${describeVerdict(received)}`, `it is ${describeVerdict(received)}`);
  }
  if (!isDecision(received)) return notDecision('toBeBlockedBy', received);
  const candidates = received.candidates.filter((c) => options.action === undefined || c.action.type === options.action);
  const what = options.action === undefined ? 'a candidate' : `a ${options.action} candidate`;
  const hit = candidates.find((c) => heldBy(c.verdict, id));
  const pass = hit !== undefined;
  return result(
    pass,
    `Expected ${what} to be held back by ${id}`,
    `Expected no ${options.action === undefined ? '' : `${options.action} `}candidate to be held back by ${id}, but ${hit === undefined ? '' : `${hit.action.type} (policy rule "${hit.action.rule}") is ${describeVerdict(hit.verdict)}`}`,
    `${candidates.length === 0 ? `there is no ${options.action === undefined ? '' : `${options.action} `}candidate` : 'none is'}; the decision ${describeDecision(received)}${candidatesOf(received)}`,
  );
}

function toBePermitted(this: MatcherContext, received: unknown, action?: ActionType): MatcherResult {
  if (isVerdict(received)) {
    const pass = received.type === 'permitted';
    return result(pass, 'Expected the verdict to be permitted', 'Expected the verdict not to be permitted, but it is', `it is ${describeVerdict(received)}`);
  }
  if (!isDecision(received)) return notDecision('toBePermitted', received);
  const candidates = received.candidates.filter((c) => action === undefined || c.action.type === action);
  const permitted = candidates.find((c) => c.verdict.type === 'permitted');
  const what = action === undefined ? 'a candidate' : `a ${action} candidate`;
  return result(
    permitted !== undefined,
    `Expected ${what} to be permitted now`,
    `Expected no ${action === undefined ? '' : `${action} `}candidate to be permitted now, but ${permitted === undefined ? '' : `${permitted.action.type} (policy rule "${permitted.action.rule}") is`}`,
    `${candidates.length === 0 ? `there is no ${action === undefined ? '' : `${action} `}candidate` : 'none is'}; the decision ${describeDecision(received)}${candidatesOf(received)}`,
  );
}

function toDoNothing(this: MatcherContext, received: unknown): MatcherResult {
  if (!isDecision(received)) return notDecision('toDoNothing', received);
  const pass = received.type === 'none';
  return result(pass, 'Expected the decision to do nothing', `Expected the decision to do something, but it ${describeDecision(received)}`, `it ${describeDecision(received)}${candidatesOf(received)}`);
}

function isScenarioResult(value: unknown): value is ScenarioResult {
  return typeof value === 'object' && value !== null && typeof (value as ScenarioResult).passed === 'boolean' && Array.isArray((value as ScenarioResult).failures);
}

function toPassScenario(this: MatcherContext, received: unknown): MatcherResult {
  if (!isScenarioResult(received)) {
    return { pass: false, message: () => `toPassScenario expects the result of \`runScenario\`, but received ${describeSubject(received)}` };
  }
  const name = received.name === undefined ? 'the scenario' : `scenario "${received.name}"`;
  return {
    pass: received.passed,
    message: () =>
      received.passed
        ? `Expected ${name} to fail, but it passed`
        : [`Expected ${name} to pass, but:`, ...received.failures.map((failure) => `  ✖ ${failure}`), ...(received.decision ? [describeCandidates(received.decision.candidates)] : [])].join('\n'),
  };
}

/**
 * The matchers of `arrears/testing`, for `expect.extend` in vitest or jest. Failure messages say
 * what the decision or verdict did instead, with every candidate and its verdict.
 *
 * - `toAct(action?, { rule? })`: the decision is `act` (with this action, from this rule).
 * - `toWaitUntil(instant, action?)`: the decision is `wait` until `instant`, or the verdict is
 *   deferred until it.
 * - `toBeBlockedBy(ruleId, { action? })`: the verdict, or a candidate of the decision, is held
 *   back (blocked or deferred) by the compliance rule `ruleId`.
 * - `toBePermitted(action?)`: the verdict, or a candidate of the decision, is permitted now.
 * - `toDoNothing()`: the decision is `none`.
 * - `toPassScenario()`: a {@link ScenarioResult} passed; the message lists what differed.
 *
 * @example
 * ```ts
 * import { expect } from 'vitest';
 * import { arrearsMatchers } from 'arrears/testing';
 * expect.extend(arrearsMatchers);
 *
 * expect(decide(input, { policy, compliance })).toAct('call');
 * expect(decide(late, { policy, compliance })).toWaitUntil('2026-07-16T12:00:00Z');
 * expect(decide(eighth, { policy, compliance })).toBeBlockedBy('us-reg-f-7-in-7');
 * ```
 * @category Testing
 */
export const arrearsMatchers = {
  /** `toAct(action?, { rule? })`: the decision is `act`. */
  toAct,
  /** `toWaitUntil(instant, action?)`: the decision is `wait` until `instant`, or the verdict is deferred until it. */
  toWaitUntil,
  /** `toBeBlockedBy(ruleId, { action? })`: the verdict, or a candidate, is held back by the compliance rule. */
  toBeBlockedBy,
  /** `toBePermitted(action?)`: the verdict, or a candidate, is permitted now. */
  toBePermitted,
  /** `toDoNothing()`: the decision is `none`. */
  toDoNothing,
  /** `toPassScenario()`: a {@link ScenarioResult} passed. */
  toPassScenario,
};

/**
 * The types of {@link arrearsMatchers}, for `expect(…)`; `arrears/testing` adds them to vitest's
 * `Assertion` (for jest, extend `jest.Matchers` with it).
 * @category Testing
 */
export interface ArrearsMatchers<R = unknown> {
  /** The decision is `act`, with `action` (and from `options.rule`) when given. */
  toAct(action?: ActionType, options?: ActionExpectation): R;
  /** The decision is `wait` until `instant` (with `action` when given), or the verdict is deferred until it. */
  toWaitUntil(instant: InstantInput, action?: ActionType): R;
  /** The verdict, or a candidate of the decision, is blocked or deferred by the compliance rule `ruleId`. */
  toBeBlockedBy(ruleId: string, options?: CandidateExpectation): R;
  /** The verdict, or a candidate of the decision (of `action` when given), is permitted now. */
  toBePermitted(action?: ActionType): R;
  /** The decision is `none`. */
  toDoNothing(): R;
  /** A {@link ScenarioResult} passed. */
  toPassScenario(): R;
}

/**
 * Anything with an `extend` method taking matchers: vitest's or jest's `expect`.
 * @category Testing
 */
export interface ExtensibleExpect {
  /** Adds matchers to `expect`. */
  extend(matchers: typeof arrearsMatchers): void;
}

/**
 * Registers {@link arrearsMatchers} on the `expect` you pass (vitest's or jest's); the same as
 * `expect.extend(arrearsMatchers)`. Call it once, in a setup file or at the top of a test file.
 * @param expect - The test runner's `expect`.
 * @example
 * ```ts
 * import { expect } from 'vitest';
 * import { registerMatchers } from 'arrears/testing';
 * registerMatchers(expect);
 * ```
 * @category Testing
 */
export function registerMatchers(expect: ExtensibleExpect): void {
  expect.extend(arrearsMatchers);
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any -- vitest's own augmentation pattern
  interface Matchers<T = any> extends ArrearsMatchers<T> {}
}

