import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, loadCompliance } from '../../src/index.js';
import { presets } from '../../src/presets/index.js';

interface Scenario {
  description: string;
  source?: string;
  compliance: string[];
  input: Record<string, unknown>;
  action: { type: string; params?: Record<string, unknown> };
  expect: { verdict: 'permitted' | 'deferred' | 'blocked'; until?: string; by?: string[] };
}

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

const documentsFor = (ids: readonly string[]) =>
  ids.map((id) => {
    const document = (presets as Record<string, unknown>)[id];
    if (document === undefined) throw new Error(`Unknown preset "${id}" in a scenario`);
    return document;
  });

describe('compliance scenarios', () => {
  it('finds scenario files for every shipped preset', () => {
    expect(presetDirs).toEqual(Object.keys(presets).sort());
  });

  describe.each(presetDirs)('%s', (dir) => {
    it.each(scenarios.filter((s) => s.dir === dir).map((s) => [s.file, s.scenario] as const))('%s', (_file, scenario) => {
      const compliance = loadCompliance(documentsFor(scenario.compliance));
      const verdict = check({ ...scenario.input, action: scenario.action } as never, { compliance });
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
