import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelOf } from '../../src/domain/vocabulary.js';
import { check, decide, loadPolicy } from '../../src/index.js';
import type { ActionType, Compliance, ComplianceRule, Decision, LoadedRule, Loan, Verdict } from '../../src/index.js';
import { complianceArb, loadDocuments, resolveDocuments, greedyPolicyArb, inputArb, isKnownZone, runs, wallClock, zonesOf } from './arbitraries.js';

type WindowRule = Extract<LoadedRule, { kind: 'window' }>;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const toSeconds = (time: string): number => {
  const [h = 0, m = 0, s = 0] = time.split(':').map(Number);
  return h * 3600 + m * 60 + s;
};

function applies(rule: ComplianceRule, action: ActionType, loan: Loan): boolean {
  return (rule.actions === undefined || rule.actions.includes(action)) && (rule.products === undefined || rule.products.includes(loan.product));
}

/**
 * Whether `ms` is inside an open span of `rule` on the local day in `zone`, read through `Intl`.
 * The loaded rule carries the holidays of its named calendars; a year they do not cover is closed.
 */
function openAt(rule: WindowRule, ms: number, zone: string): boolean {
  const here = wallClock(ms, zone);
  if (rule.calendarYears !== undefined && !rule.calendarYears.includes(Number(here.date.slice(0, 4)))) return false;
  const day = rule.holidays?.includes(here.date) ? 'holiday' : WEEKDAYS[here.weekday]!;
  const includeStart = rule.includeStart ?? true;
  const includeEnd = rule.includeEnd ?? false;
  return rule.windows.some((span) => {
    if (!span.days.includes(day)) return false;
    const start = toSeconds(span.start);
    const end = toSeconds(span.end);
    return (includeStart ? here.seconds >= start : here.seconds > start) && (includeEnd ? here.seconds <= end : here.seconds < end);
  });
}

/** Every reason the verdict would break the window guarantee, empty when it holds. */
function windowViolations(verdict: Verdict, action: ActionType, loan: Loan, compliance: Compliance, nowMs: number): string[] {
  if (verdict.type === 'blocked') return [];
  const at = verdict.type === 'permitted' ? nowMs : Date.parse(verdict.until);
  const zones = zonesOf(loan);
  const problems: string[] = [];
  const isContact = channelOf(action) !== undefined;
  if (isContact && (zones.length === 0 || zones.some((zone) => !isKnownZone(zone)))) {
    problems.push(`${action} ${verdict.type} although the borrower's zone is unknown (${JSON.stringify(zones)})`);
  }
  for (const rule of compliance.rules) {
    // An enabled days-past-due exception can lift a window: such rules are not judged here. (The
    // inputs carry no agreed times, so `allowAgreedTimes` opens nothing.)
    if (rule.kind !== 'window' || !applies(rule, action, loan) || rule.exceptionEnabled === true) continue;
    for (const zone of zones.filter(isKnownZone)) {
      if (!openAt(rule, at, zone)) problems.push(`${action} ${verdict.type} at ${new Date(at).toISOString()}, closed by ${rule.id} in ${zone} (${JSON.stringify(wallClock(at, zone))})`);
    }
  }
  return problems;
}

const scenario = inputArb().chain((generated) =>
  fc.record({ generated: fc.constant(generated), choices: complianceArb(generated.nowMs), policyDocument: greedyPolicyArb }),
);

describe('property: no contact inside a closed window', () => {
  it('permits an action only when every applicable window is open in every candidate zone, now or at the deferral', () => {
    fc.assert(
      fc.property(scenario, ({ generated, choices, policyDocument }) => {
        const documents = resolveDocuments(choices);
        const compliance = loadDocuments(documents, generated.nowMs);
        const decision: Decision = decide(generated.input, { policy: loadPolicy(policyDocument), compliance });
        const problems = decision.candidates.flatMap(({ action, verdict }) => windowViolations(verdict, action.type, generated.input.loan, compliance, generated.nowMs));
        if (decision.type !== 'none') {
          const chosen = decision.candidates.find((c) => c.action.rule === decision.action.rule)!;
          expect(decision.at).toBe(chosen.verdict.type === 'deferred' ? chosen.verdict.until : decision.now);
        }
        expect(problems).toEqual([]);
      }),
      runs(50),
    );
  }, 60_000);

  it('holds for `check` on every action type, with window-only compliance', () => {
    const windowOnly = inputArb().chain((generated) =>
      fc.record({
        generated: fc.constant(generated),
        documents: complianceArb(generated.nowMs).map((choices) => resolveDocuments(choices)).map((documents) =>
          documents.map((d) => ({ ...d, rules: d.rules.filter((r) => r.kind === 'window') })).filter((d) => d.rules.length > 0),
        ),
      }),
    );
    fc.assert(
      fc.property(windowOnly, ({ generated, documents }) => {
        fc.pre(documents.length > 0);
        const compliance = loadDocuments(documents, generated.nowMs);
        for (const type of ['call', 'sms', 'visit', 'legal'] as const) {
          const verdict = check({ ...generated.input, action: { type } }, { compliance });
          expect(windowViolations(verdict, type, generated.input.loan, compliance, generated.nowMs)).toEqual([]);
        }
      }),
      runs(40),
    );
  }, 60_000);
});
