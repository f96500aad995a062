import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, loadCompliance } from '../../src/index.js';
import type { Addressee, ComplianceDocument } from '../../src/index.js';
import { calendarsFor } from '../../src/holidays/index.js';
import { presets } from '../../src/presets/index.js';

/**
 * One behaviour of the compliance guard under some presets: the input, the action, the presets
 * (composed in order), optionally the roles the lender acts in and the opt-in exceptions it
 * enables, and the expected verdict. Holiday calendars named by the presets are built with
 * `arrears/holidays` for the year of `now`, one year before and two after.
 */
interface Scenario {
  description: string;
  source?: string;
  compliance: string[];
  roles?: Addressee[];
  exceptions?: string[];
  input: Record<string, unknown>;
  action: { type: string; params?: Record<string, unknown> };
  expect: { verdict: 'permitted' | 'deferred' | 'blocked'; until?: string; by?: string[] };
}

const KEYS = ['description', 'source', 'compliance', 'roles', 'exceptions', 'input', 'action', 'expect'];

const root = new URL('./', import.meta.url);
const presetDirs = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const scenarios = presetDirs.flatMap((dir) =>
  readdirSync(new URL(`${dir}/`, root))
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ dir, file, scenario: JSON.parse(readFileSync(new URL(`${dir}/${file}`, root), 'utf8')) as Scenario })),
);

const documentsFor = (ids: readonly string[]): ComplianceDocument[] =>
  ids.map((id) => {
    const document = (presets as Record<string, ComplianceDocument>)[id];
    if (document === undefined) throw new Error(`Unknown preset "${id}" in a scenario`);
    return document;
  });

/** The year of `now` (UTC), one before and two after: what the CLI supplies too. */
function yearsAround(now: unknown): number[] {
  const year = new Date(typeof now === 'string' || typeof now === 'number' ? now : Number.NaN).getUTCFullYear();
  if (Number.isNaN(year)) throw new Error('A scenario needs a valid `now`');
  return [year - 1, year, year + 1, year + 2];
}

function complianceFor(scenario: Scenario) {
  const documents = documentsFor(scenario.compliance);
  return loadCompliance(documents, {
    ...(scenario.roles === undefined ? {} : { roles: scenario.roles }),
    ...(scenario.exceptions === undefined ? {} : { exceptions: scenario.exceptions }),
    calendars: calendarsFor(documents, { years: yearsAround(scenario.input['now']) }),
  });
}

describe('compliance scenarios', () => {
  it('finds scenario files for every shipped preset', () => {
    expect(presetDirs).toEqual(Object.keys(presets).sort());
  });

  it('has scenario files of the expected shape, each using the preset of its directory', () => {
    const problems = scenarios.flatMap(({ dir, file, scenario }) => {
      const name = `${dir}/${file}`;
      const found: string[] = [];
      const unknown = Object.keys(scenario).filter((key) => !KEYS.includes(key));
      if (unknown.length > 0) found.push(`${name}: unknown keys ${unknown.join(', ')}`);
      if (typeof scenario.description !== 'string' || scenario.description.length === 0) found.push(`${name}: no description`);
      if (!Array.isArray(scenario.compliance) || !scenario.compliance.includes(dir)) found.push(`${name}: compliance does not include "${dir}"`);
      if (!/^[a-z0-9]+(?:-[a-z0-9]+)*\.json$/.test(file)) found.push(`${name}: file name is not kebab-case`);
      const expected = scenario.expect;
      if (expected.verdict === 'deferred' && typeof expected.until !== 'string') found.push(`${name}: a deferral needs \`until\``);
      if (expected.verdict !== 'deferred' && expected.until !== undefined) found.push(`${name}: only a deferral has \`until\``);
      if (expected.verdict !== 'permitted' && (expected.by ?? []).length === 0) found.push(`${name}: a deferral or block needs \`by\``);
      return found;
    });
    expect(problems).toEqual([]);
  });

  describe.each(presetDirs)('%s', (dir) => {
    it.each(scenarios.filter((s) => s.dir === dir).map((s) => [s.file, s.scenario] as const))('%s', (_file, scenario) => {
      const verdict = check({ ...scenario.input, action: scenario.action } as never, { compliance: complianceFor(scenario) });
      const by = verdict.type === 'permitted' ? [] : verdict.by.map((ref) => ref.id).sort();
      expect({
        verdict: verdict.type,
        ...(verdict.type === 'deferred' ? { until: verdict.until } : {}),
        by,
      }).toEqual({
        verdict: scenario.expect.verdict,
        ...(scenario.expect.verdict === 'deferred' ? { until: scenario.expect.until } : {}),
        by: [...(scenario.expect.by ?? [])].sort(),
      });
    });
  });

  it('has every rule of every preset hold back an action in at least one scenario', () => {
    const exercised = new Set(scenarios.flatMap((s) => s.scenario.expect.by ?? []));
    const missing = Object.values(presets)
      .flatMap((document) => document.rules.map((rule) => rule.id))
      .filter((id) => !exercised.has(id));
    expect(missing).toEqual([]);
  });
});
