import { check } from '../check.js';
import { decide } from '../decide.js';
import type { ComplianceDocument, Addressee } from '../compliance/document.js';
import type { Compliance, HolidayCalendar, LoadComplianceOptions } from '../compliance/load-compliance.js';
import { loadCompliance } from '../compliance/load-compliance.js';
import type { CheckAction } from '../domain/action.js';
import type { Decision, Verdict } from '../domain/decision.js';
import type { DecisionInput } from '../domain/input.js';
import { ACTION_TYPES, type ActionType } from '../domain/vocabulary.js';
import { isArrearsValidationError } from '../errors.js';
import type { Policy } from '../policy/load-policy.js';
import { loadPolicy } from '../policy/load-policy.js';
import { presets } from '../presets/index.js';
import { formatInstant } from '../_lib/instant.js';
import { didYouMean } from '../_lib/nearest-name.js';
import { describeDecision, describeVerdict } from './describe.js';

/**
 * What a check scenario expects of the guard's verdict on `action`.
 * @category Testing
 */
export interface VerdictExpectation {
  verdict: Verdict['type'];
  /** For `deferred`: the instant it is permitted from. */
  until?: string | undefined;
  /** The compliance rule ids behind a deferral or block, in any order (exactly these). */
  by?: readonly string[] | undefined;
}

/**
 * What a decision scenario expects of `decide`.
 * @category Testing
 */
export interface DecisionExpectation {
  decision: Decision['type'];
  /** The action of an `act` or `wait` decision. */
  action?: ActionType | undefined;
  /** The policy rule that proposed it. */
  rule?: string | undefined;
  /** The instant of a `wait` decision (or `now` for `act`). */
  at?: string | undefined;
  /** The policy rule of the hold behind a `none` decision. */
  hold?: string | undefined;
  /** Compliance rule ids that must each hold back (block or defer) at least one candidate. */
  heldBy?: readonly string[] | undefined;
}

/**
 * One scenario, as JSON: an input and what should come of it. With `action` it is a check
 * scenario (the guard alone judges that action and `expect` holds a {@link VerdictExpectation});
 * without, a decision scenario (`decide` runs the policy and `expect` holds a
 * {@link DecisionExpectation}). `compliance` lists preset ids (`"us-federal"`) or compliance
 * documents; `policy` is a policy document. Either may come from {@link RunScenarioOptions}
 * instead.
 * @category Testing
 */
export interface Scenario {
  description?: string | undefined;
  /** Where the expectation comes from (a regulation, a ticket). */
  source?: string | undefined;
  compliance?: readonly (string | object)[] | undefined;
  /** The roles the lender acts in, for `loadCompliance` (rules binding none of them are left out). */
  roles?: readonly Addressee[] | undefined;
  /** Ids of rules whose opt-in exception the lender enables, for `loadCompliance`. */
  exceptions?: readonly string[] | undefined;
  policy?: unknown;
  input: DecisionInput;
  action?: CheckAction | undefined;
  expect: VerdictExpectation | DecisionExpectation;
}

/**
 * Options of {@link runScenario}: the loaded documents for scenarios that do not name their own.
 * A scenario's own `policy` and `compliance` win.
 * @category Testing
 */
export interface RunScenarioOptions {
  policy?: Policy | undefined;
  compliance?: Compliance | undefined;
  /**
   * Holiday calendars for documents whose window rules name `holidayCalendars`: a fixed set, or
   * a function of the documents and the scenario's `now` (`calendarsFor` of `arrears/holidays`
   * builds them).
   */
  calendars?: Readonly<Record<string, HolidayCalendar>> | ((documents: readonly ComplianceDocument[], now: unknown) => Readonly<Record<string, HolidayCalendar>>) | undefined;
  /** The name reported in the result (a file name); default the scenario's `description`. */
  name?: string | undefined;
}

/**
 * The outcome of one scenario: `passed`, or `failures` saying what differed, plus what the
 * library returned.
 * @category Testing
 */
export interface ScenarioResult {
  name: string | undefined;
  description: string | undefined;
  passed: boolean;
  /** One sentence per difference, or per problem with the scenario itself. */
  failures: string[];
  decision?: Decision;
  verdict?: Verdict;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function canonical(instant: string): string {
  const ms = Date.parse(instant);
  return Number.isFinite(ms) ? formatInstant(ms) : instant;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
const list = (ids: readonly string[]) => (ids.length === 0 ? '(none)' : ids.join(', '));

/** The compliance of a scenario, or a failure sentence. */
function complianceOf(scenario: Record<string, unknown>, options: RunScenarioOptions): Compliance | string {
  const named = scenario['compliance'];
  if (named === undefined) return options.compliance ?? 'The scenario names no `compliance` and none was passed in the options';
  if (!Array.isArray(named)) return 'Expected `compliance` to be a list of preset ids or compliance documents';
  const documents: unknown[] = [];
  for (const item of named as unknown[]) {
    if (typeof item === 'string') {
      if (!Object.hasOwn(presets, item)) return `Unknown preset "${item}"${didYouMean(item, Object.keys(presets))} in \`compliance\``;
      documents.push(presets[item as keyof typeof presets]);
    } else documents.push(item);
  }
  const load: LoadComplianceOptions = {};
  if (Array.isArray(scenario['roles'])) load.roles = scenario['roles'] as Addressee[];
  if (Array.isArray(scenario['exceptions'])) load.exceptions = scenario['exceptions'] as string[];
  const calendars = options.calendars;
  if (calendars !== undefined) {
    const input = scenario['input'] as { now?: unknown };
    load.calendars = typeof calendars === 'function' ? calendars(documents as ComplianceDocument[], input.now) : calendars;
  }
  return loadCompliance(documents, load);
}

function checkVerdict(verdict: Verdict, expected: VerdictExpectation): string[] {
  const failures: string[] = [];
  if (verdict.type !== expected.verdict) failures.push(`Expected the verdict ${expected.verdict}, but it is ${describeVerdict(verdict)}`);
  else if (expected.until !== undefined && verdict.type === 'deferred' && verdict.until !== canonical(expected.until)) {
    failures.push(`Expected deferral until ${canonical(expected.until)}, but it is deferred until ${verdict.until}`);
  }
  const by = verdict.type === 'permitted' ? [] : verdict.by.map((ref) => ref.id);
  if (expected.by !== undefined && verdict.type === expected.verdict && !sameSet(by, expected.by)) {
    failures.push(`Expected it held back by ${list(expected.by)}, but it is held back by ${list(by)}`);
  }
  return failures;
}

function checkDecision(decision: Decision, expected: DecisionExpectation): string[] {
  const failures: string[] = [];
  const actual = `it ${describeDecision(decision)}`;
  if (decision.type !== expected.decision) failures.push(`Expected the decision ${expected.decision}, but ${actual}`);
  if (decision.type !== 'none') {
    if (expected.action !== undefined && decision.action.type !== expected.action) failures.push(`Expected the action ${expected.action}, but ${actual}`);
    if (expected.rule !== undefined && decision.action.rule !== expected.rule) failures.push(`Expected policy rule "${expected.rule}", but ${actual}`);
    if (expected.at !== undefined && decision.at !== canonical(expected.at)) failures.push(`Expected the instant ${canonical(expected.at)}, but ${actual}`);
  } else if (expected.hold !== undefined && decision.hold?.rule !== expected.hold) {
    failures.push(`Expected a hold by policy rule "${expected.hold}", but ${actual}`);
  }
  for (const id of expected.heldBy ?? []) {
    if (!decision.candidates.some((c) => c.verdict.type !== 'permitted' && c.verdict.by.some((ref) => ref.id === id))) {
      failures.push(`Expected a candidate held back by ${id}, but none is`);
    }
  }
  return failures;
}

/** Structural problems of a scenario document, as failure sentences. */
function problems(scenario: unknown): string[] {
  if (!isRecord(scenario)) return ['Expected a scenario object with `input` and `expect`'];
  const found: string[] = [];
  if (!isRecord(scenario['input'])) found.push('Expected `input`: a decision input `{ now, loan, history }`');
  const expected = scenario['expect'];
  if (!isRecord(expected)) found.push('Expected `expect`: `{ "verdict": … }` for a check scenario or `{ "decision": … }` for a decision scenario');
  else if (scenario['action'] !== undefined) {
    if (!['permitted', 'deferred', 'blocked'].includes(expected['verdict'] as string)) found.push('Expected `expect.verdict` to be "permitted", "deferred" or "blocked" (the scenario has an `action`)');
  } else if (!['act', 'wait', 'none'].includes(expected['decision'] as string)) {
    found.push('Expected `expect.decision` to be "act", "wait" or "none" (or an `action` to make it a check scenario)');
  } else if (expected['action'] !== undefined && !(ACTION_TYPES as readonly unknown[]).includes(expected['action'])) {
    found.push(`Unknown action in \`expect.action\`${typeof expected['action'] === 'string' ? `: "${expected['action']}"${didYouMean(expected['action'], ACTION_TYPES)}` : ''}`);
  }
  return found;
}

/**
 * Runs one scenario: `check` for a check scenario, `decide` for a decision scenario, and compares
 * the result with `expect`. Never throws for a failing or malformed scenario: the result's
 * `failures` say what differed (or what is wrong with the scenario, its input or its documents).
 * Pair it with the `toPassScenario` matcher, or assert on `passed`.
 * @param scenario - A {@link Scenario}, typically parsed from a JSON file.
 * @param options - {@link RunScenarioOptions}: the policy and compliance under test.
 * @returns A {@link ScenarioResult}.
 * @example
 * ```ts
 * const result = runScenario(JSON.parse(readFileSync('scenarios/eighth-call-waits.json', 'utf8')), { policy });
 * expect(result).toPassScenario();
 * ```
 * @category Testing
 */
export function runScenario(scenario: unknown, options: RunScenarioOptions = {}): ScenarioResult {
  const description = isRecord(scenario) && typeof scenario['description'] === 'string' ? scenario['description'] : undefined;
  const base = { name: options.name ?? description, description };
  const fail = (failures: string[]): ScenarioResult => ({ ...base, passed: false, failures });
  const found = problems(scenario);
  if (found.length > 0) return fail(found);
  const document = scenario as Record<string, unknown> & Scenario;
  try {
    const compliance = complianceOf(document, options);
    if (typeof compliance === 'string') return fail([compliance]);
    if (document.action !== undefined) {
      const verdict = check({ ...document.input, action: document.action }, { compliance });
      const failures = checkVerdict(verdict, document.expect as VerdictExpectation);
      return { ...base, passed: failures.length === 0, failures, verdict };
    }
    const policy = document.policy !== undefined ? loadPolicy(document.policy) : options.policy;
    if (policy === undefined) return fail(['The scenario has no `action` (so it is a decision scenario) but names no `policy`, and none was passed in the options']);
    const decision = decide(document.input, { policy, compliance });
    const failures = checkDecision(decision, document.expect as DecisionExpectation);
    return { ...base, passed: failures.length === 0, failures, decision };
  } catch (error) {
    if (isArrearsValidationError(error)) return fail([`The scenario's ${error.document} is invalid: ${error.message}`]);
    throw error;
  }
}

/**
 * Runs many scenarios, keyed by name: pass what `import.meta.glob('./scenarios/*.json', { eager:
 * true, import: 'default' })` returns in vitest, an object built from files read with `node:fs`,
 * or a plain list.
 * @param scenarios - Scenarios by name (file path), or a list (named by description or index).
 * @param options - {@link RunScenarioOptions} shared by every scenario.
 * @returns One {@link ScenarioResult} per scenario, in key order (sorted) or list order.
 * @example
 * ```ts
 * const results = runScenarios(import.meta.glob('./scenarios/*.json', { eager: true, import: 'default' }), { policy, compliance });
 * it.each(results.map((r) => [r.name, r] as const))('%s', (_name, result) => expect(result).toPassScenario());
 * ```
 * @category Testing
 */
export function runScenarios(scenarios: Readonly<Record<string, unknown>> | readonly unknown[], options: Omit<RunScenarioOptions, 'name'> = {}): ScenarioResult[] {
  if (Array.isArray(scenarios)) {
    return scenarios.map((scenario: unknown, i) => {
      const description = isRecord(scenario) && typeof scenario['description'] === 'string' ? scenario['description'] : `scenario ${i + 1}`;
      return runScenario(scenario, { ...options, name: description });
    });
  }
  const record = scenarios as Readonly<Record<string, unknown>>;
  return Object.keys(record)
    .sort()
    .map((name) => runScenario(record[name], { ...options, name }));
}
