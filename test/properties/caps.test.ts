import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelOf } from '../../src/domain/vocabulary.js';
import { decide, loadPolicy } from '../../src/index.js';
import type { ComplianceDocument, ComplianceRule, ContactEvent, HistoryEvent, LoadedRule, Loan } from '../../src/index.js';
import { OUTCOMES } from '../../src/index.js';
import { complianceDocumentArb, loadDocuments, greedyPolicyArb, inputArb, iso, isKnownZone, presetIds, resolveDocuments, runs, wallClock, zonesOf } from './arbitraries.js';

type CapRule = Extract<LoadedRule, { kind: 'cap' }>;
const DAY_MS = 86_400_000;

const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

/** The first local date of the period of `rule` that contains the local date `date`. */
function periodStart(rule: CapRule, date: string): string {
  const period = rule.period;
  switch (period.type) {
    case 'consecutive-days':
      return addDays(date, 1 - period.days);
    case 'calendar-week':
      return addDays(date, -((weekday(date) - (period.weekStartsOn === 'mon' ? 1 : 0) + 7) % 7));
    case 'calendar-month':
      return `${date.slice(0, 8)}01`;
    case 'rolling':
      throw new Error('not a calendar period');
  }
}

/** Whether `rule` counts `event` for `loan` and the judged action's address (the contract, read independently). */
function counts(rule: CapRule, event: ContactEvent, loan: Loan, address: string | undefined): boolean {
  const debtId = loan.debtId ?? loan.id;
  const filter = rule.counts;
  if (!filter.channels.includes(event.channel)) return false;
  if (filter.outcomes !== undefined && !filter.outcomes.includes(event.outcome)) return false;
  if (!(filter.directions ?? ['outbound']).includes(event.direction)) return false;
  if (filter.by !== undefined && !filter.by.includes(event.by ?? 'lender')) return false;
  if (rule.scope === 'debt' && (event.debtId ?? debtId) !== debtId) return false;
  if (rule.scope === 'address' && address !== undefined && event.address !== undefined && event.address !== address) return false;
  return true;
}

/** How many events `rule` counts in the period that ends at `at`, in each known zone (rolling: one count). */
function countsInPeriod(rule: CapRule, history: readonly HistoryEvent[], loan: Loan, at: number, address: string | undefined): number[] {
  const counted = history.filter((e): e is ContactEvent => e.type === 'contact' && Date.parse(e.at) <= at && counts(rule, e, loan, address));
  if (rule.period.type === 'rolling') {
    const span = rule.period.hours * 3_600_000;
    return [counted.filter((e) => Date.parse(e.at) > at - span).length];
  }
  return zonesOf(loan)
    .filter(isKnownZone)
    .map((zone) => {
      const today = wallClock(at, zone).date;
      const first = periodStart(rule, today);
      return counted.filter((e) => {
        const date = wallClock(Date.parse(e.at), zone).date;
        return date >= first && date <= today;
      }).length;
    });
}

const applies = (rule: ComplianceRule, action: string, loan: Loan) =>
  (rule.actions === undefined || (rule.actions as readonly string[]).includes(action)) && (rule.products === undefined || rule.products.includes(loan.product));

/**
 * Runs `steps` decisions, each at the instant the previous one points to, and records every
 * action taken as a contact with a drawn outcome: the history a dialer would feed back.
 */
const simulation = inputArb({ maxHistory: 15 }).chain((generated) =>
  fc.record({
    generated: fc.constant(generated),
    choices: fc.oneof(
      complianceDocumentArb(generated.nowMs).map((d) => [d] as (string | ComplianceDocument)[]),
      fc.tuple(fc.constantFrom(...presetIds()), complianceDocumentArb(generated.nowMs)).map(([id, d]) => [id, d]),
      fc.constantFrom(...presetIds()).map((id) => [id]),
    ),
    policyDocument: greedyPolicyArb,
    outcomes: fc.array(fc.constantFrom(...OUTCOMES), { minLength: 25, maxLength: 25 }),
    gapsMinutes: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 600 })), { minLength: 25, maxLength: 25 }),
  }),
);

describe('property: frequency caps', () => {
  it('are never exceeded when every decision is acted on and fed back as history', () => {
    fc.assert(
      fc.property(simulation, ({ generated, choices, policyDocument, outcomes, gapsMinutes }) => {
        const documents = resolveDocuments(choices);
        const policy = loadPolicy(policyDocument);
        const compliance = loadDocuments(documents, generated.nowMs);
        const caps = compliance.rules.filter((r): r is CapRule => r.kind === 'cap' && r.exceptionEnabled !== true);
        const loan = generated.input.loan;
        const history: HistoryEvent[] = [...generated.input.history];
        let now = generated.nowMs;
        for (let step = 0; step < outcomes.length; step++) {
          const decision = decide({ now: iso(now), loan, history }, { policy, compliance });
          if (decision.type === 'wait') {
            now = Date.parse(decision.at);
            continue;
          }
          if (decision.type === 'none') {
            now += 6 * 3_600_000;
            continue;
          }
          const channel = channelOf(decision.action.type);
          if (channel !== undefined) {
            const event: ContactEvent = { type: 'contact', at: iso(now), channel, direction: 'outbound', outcome: outcomes[step]! };
            history.push(event);
            for (const cap of caps) {
              if (!applies(cap, decision.action.type, loan)) continue;
              for (const count of countsInPeriod(cap, history, loan, now, undefined)) {
                expect(count, `${cap.id} (max ${cap.max}, ${JSON.stringify(cap.period)}) after ${decision.action.type} at ${iso(now)}`).toBeLessThanOrEqual(cap.max);
              }
            }
          } else history.push({ type: 'step', at: iso(now), action: decision.action.type as 'legal' | 'agency' | 'hardship_plan' });
          now += gapsMinutes[step]! * 60_000;
        }
      }),
      runs(20),
    );
  }, 60_000);
});

