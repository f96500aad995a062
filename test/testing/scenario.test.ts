import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCompliance, loadPolicy } from '../../src/index.js';
import { calendarsFor } from '../../src/holidays/index.js';
import { presets } from '../../src/presets/index.js';
import { aCall, aHistory, anInput, registerMatchers, runScenario, runScenarios } from '../../src/testing/index.js';

registerMatchers(expect);

const root = new URL('../../', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as unknown;
const policy = loadPolicy(read('rules/policies/default.json'));

// The project's own compliance scenarios, run by the runner that ships in arrears/testing.
const scenarioFiles: Record<string, unknown> = {};
for (const dir of readdirSync(new URL('test/scenarios/', root), { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
  for (const file of readdirSync(new URL(`test/scenarios/${dir.name}/`, root)).filter((name) => name.endsWith('.json'))) {
    scenarioFiles[`${dir.name}/${file}`] = read(`test/scenarios/${dir.name}/${file}`);
  }
}

/** Holiday calendars for the year of `now`, one before and two after, as the project's own runner builds them. */
const calendars = (documents: Parameters<typeof calendarsFor>[0], now: unknown) => {
  const year = new Date(String(now)).getUTCFullYear();
  return calendarsFor(documents, { years: [year - 1, year, year + 1, year + 2] });
};

describe('runScenarios', () => {
  const results = runScenarios(scenarioFiles, { calendars });

  it('runs the compliance scenarios of this repository', () => {
    expect(results.length).toBeGreaterThan(60);
    expect(results.map((result) => result.name)).toEqual(Object.keys(scenarioFiles).sort());
  });

  it.each(results.map((result) => [result.name, result] as const))('%s', (_name, result) => {
    expect(result).toPassScenario();
  });

  it('names list entries by description, or by position', () => {
    const scenario = { compliance: ['us-federal'], input: anInput(), action: { type: 'call' }, expect: { verdict: 'permitted' } };
    expect(runScenarios([{ ...scenario, description: 'a call at 11:00' }, scenario]).map((r) => [r.name, r.passed])).toEqual([
      ['a call at 11:00', true],
      ['scenario 2', true],
    ]);
  });
});

describe('runScenario', () => {
  const us = loadCompliance(presets['us-federal']);

  it('runs decision scenarios against the policy under test', () => {
    const scenario = { description: 'The call stage calls', input: anInput({ loan: { daysPastDue: 12 } }), expect: { decision: 'act', action: 'call', rule: 'call-8-30-dpd' } };
    const result = runScenario(scenario, { policy, compliance: us });
    expect(result).toPassScenario();
    expect(result.decision?.type).toBe('act');
  });

  it('compares instants whatever their offset', () => {
    const scenario = { compliance: ['us-federal'], input: anInput({ now: '2026-07-15T11:30:00Z' }), expect: { decision: 'wait', action: 'call', at: '2026-07-15T08:00:00-04:00' } };
    expect(runScenario(scenario, { policy })).toPassScenario();
  });

  it('checks that named rules hold back a candidate', () => {
    const history = aHistory([9, 10, 11, 12, 13, 14, 15].map((day) => aCall(`2026-07-${String(day).padStart(2, '0')}T13:00:00Z`, { outcome: 'voicemail' })));
    const scenario = { input: anInput({ loan: { daysPastDue: 40 }, history }), expect: { decision: 'act', action: 'sms', heldBy: ['us-reg-f-7-in-7'] } };
    expect(runScenario(scenario, { policy, compliance: us })).toPassScenario();
    expect(runScenario({ ...scenario, expect: { decision: 'act', heldBy: ['us-reg-f-dispute'] } }, { policy, compliance: us }).failures).toMatchInlineSnapshot(`
      [
        "Expected a candidate held back by us-reg-f-dispute, but none is",
      ]
    `);
  });

  it('lets a scenario name its own policy and compliance documents', () => {
    const own = { rules: [{ name: 'letter', conditions: { all: [] }, event: { type: 'candidate', params: { action: 'letter', rank: 1 } } }] };
    const house = { id: 'house', title: 'House', jurisdiction: 'US', version: '2026-01-01', rules: [] };
    expect(runScenario({ policy: own, compliance: [house], input: anInput(), expect: { decision: 'act', action: 'letter' } })).toPassScenario();
  });

  it('says what is wrong with a scenario instead of throwing', () => {
    const failures = (scenario: unknown, options = {}) => runScenario(scenario, options).failures;
    expect(failures(null)).toMatchInlineSnapshot(`
      [
        "Expected a scenario object with \`input\` and \`expect\`",
      ]
    `);
    expect(failures({ input: anInput(), expect: { decision: 'act' } })).toMatchInlineSnapshot(`
      [
        "The scenario names no \`compliance\` and none was passed in the options",
      ]
    `);
    expect(failures({ input: anInput(), expect: { decision: 'act' }, compliance: ['us-fedral'] })).toMatchInlineSnapshot(`
      [
        "Unknown preset "us-fedral" (did you mean "us-federal"?) in \`compliance\`",
      ]
    `);
    expect(failures({ input: anInput(), expect: { decision: 'act' } }, { compliance: us })).toMatchInlineSnapshot(`
      [
        "The scenario has no \`action\` (so it is a decision scenario) but names no \`policy\`, and none was passed in the options",
      ]
    `);
    expect(failures({ input: anInput(), action: { type: 'call' }, expect: { decision: 'act' } }, { compliance: us })).toMatchInlineSnapshot(`
      [
        "Expected \`expect.verdict\` to be "permitted", "deferred" or "blocked" (the scenario has an \`action\`)",
      ]
    `);
    expect(failures({ input: anInput(), expect: { decision: 'act', action: 'phone' } }, { policy, compliance: us })).toMatchInlineSnapshot(`
      [
        "Unknown action in \`expect.action\`: "phone"",
      ]
    `);
    expect(failures({ input: { now: 'yesterday', loan: {} }, expect: { decision: 'none' } }, { policy, compliance: us })).toMatchInlineSnapshot(`
      [
        "The scenario's input is invalid: Invalid input (7 issues)
      ✖ Expected an ISO-8601 instant with an offset or \`Z\` (2026-07-15T13:30:00Z)
        → at now
      ✖ Invalid input: expected string, received undefined
        → at loan.id
      ✖ Invalid input: expected string, received undefined
        → at loan.product
      ✖ Invalid input: expected string, received undefined
        → at loan.currency
      ✖ Invalid input: expected number, received undefined
        → at loan.balance
      ✖ Invalid input: expected number, received undefined
        → at loan.amountOverdue
      ✖ Invalid input: expected object, received undefined
        → at loan.borrower",
      ]
    `);
  });

  it('reports every difference of a check scenario', () => {
    const scenario = { compliance: ['us-federal'], input: anInput({ now: '2026-07-15T11:30:00Z' }), action: { type: 'call' }, expect: { verdict: 'deferred', until: '2026-07-15T13:00:00Z', by: ['us-reg-f-7-in-7'] } };
    expect(runScenario(scenario).failures).toMatchInlineSnapshot(`
      [
        "Expected deferral until 2026-07-15T13:00:00Z, but it is deferred until 2026-07-15T12:00:00Z",
        "Expected it held back by us-reg-f-7-in-7, but it is held back by us-fdcpa-convenient-hours",
      ]
    `);
    expect(runScenario({ ...scenario, expect: { verdict: 'blocked' } }).failures).toMatchInlineSnapshot(`
      [
        "Expected the verdict blocked, but it is deferred until 2026-07-15T12:00:00Z by us-fdcpa-convenient-hours",
      ]
    `);
  });
});
