import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { check, decide, loadCompliance, loadPolicy } from '../../src/index.js';
import type { Decision } from '../../src/index.js';
import { ensureBuild, root } from '../cli/ensure-build.js';
import { calendarsAround, complianceArb, loadDocuments, defaultPolicyDocument, greedyPolicyArb, inputArb, resolveDocuments, runs, shuffle } from './arbitraries.js';
import type { DocumentChoice, Generated } from './arbitraries.js';

const scenario = inputArb().chain((generated) =>
  fc.record({
    generated: fc.constant(generated),
    choices: complianceArb(generated.nowMs),
    policyDocument: fc.oneof(fc.constant(defaultPolicyDocument), greedyPolicyArb),
    permutation: fc.integer(),
  }),
);

const decideFresh = (input: Generated['input'], nowMs: number, policyDocument: unknown, choices: readonly DocumentChoice[]): Decision =>
  decide(input, { policy: loadPolicy(policyDocument), compliance: loadDocuments(resolveDocuments(choices), nowMs) });

/** Host zones with odd offsets and DST on both sides of the date line. */
const HOST_ZONES = ['Pacific/Apia', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Kiritimati', 'America/Adak', 'UTC'];

/** Runs `fn` with the process's zone set to `zone` (Node applies a change of `process.env.TZ` at once). */
function inHostZone<T>(zone: string, fn: () => T): T {
  const saved = process.env['TZ'];
  process.env['TZ'] = zone;
  try {
    return fn();
  } finally {
    process.env['TZ'] = saved;
  }
}

describe('property: a decision depends on its inputs only', () => {
  it('does not depend on the order of the history', () => {
    fc.assert(
      fc.property(scenario, ({ generated, choices, policyDocument, permutation }) => {
        const expected = decideFresh(generated.input, generated.nowMs, policyDocument, choices);
        const shuffled = { ...generated.input, history: shuffle(generated.input.history, permutation) };
        expect(JSON.stringify(decideFresh(shuffled, generated.nowMs, policyDocument, choices))).toBe(JSON.stringify(expected));
        const reversed = { ...generated.input, history: [...generated.input.history].reverse() };
        expect(JSON.stringify(decideFresh(reversed, generated.nowMs, policyDocument, choices))).toBe(JSON.stringify(expected));
      }),
      runs(30),
    );
  }, 60_000);

  it('does not depend on the host time zone', () => {
    // The switch must really reach `Date`, or this property proves nothing.
    expect(inHostZone('Pacific/Apia', () => new Date(2026, 0, 1).getTimezoneOffset())).toBe(-780);
    expect(inHostZone('America/St_Johns', () => new Date(2026, 0, 1).getTimezoneOffset())).toBe(210);
    fc.assert(
      fc.property(scenario, fc.constantFrom(...HOST_ZONES), ({ generated, choices, policyDocument }, zone) => {
        const expected = JSON.stringify(decideFresh(generated.input, generated.nowMs, policyDocument, choices));
        expect(inHostZone(zone, () => JSON.stringify(decideFresh(generated.input, generated.nowMs, policyDocument, choices)))).toBe(expected);
      }),
      runs(25),
    );
  }, 60_000);

  it('does not depend on what else was decided before, with shared or fresh documents, in any order', () => {
    const batch = fc.array(scenario, { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(batch, fc.integer(), (items, order) => {
        const expected = items.map(({ generated, choices, policyDocument }) => JSON.stringify(decideFresh(generated.input, generated.nowMs, policyDocument, choices)));
        // Shared documents, loaded once, decided in a shuffled order, interleaved with `check` calls.
        const loaded = items.map(({ generated, choices, policyDocument }) => ({ policy: loadPolicy(policyDocument), compliance: loadDocuments(resolveDocuments(choices), generated.nowMs) }));
        const got = new Array<string>(items.length);
        for (const i of shuffle(items.map((_, k) => k), order)) {
          const { generated } = items[i]!;
          check({ ...generated.input, action: { type: 'call' } }, { compliance: loaded[(i + 1) % items.length]!.compliance });
          got[i] = JSON.stringify(decide(generated.input, loaded[i]!));
        }
        expect(got).toEqual(expected);
      }),
      runs(10),
    );
  }, 60_000);

  it('gives the same decisions when many are evaluated concurrently (interleaved tasks)', async () => {
    const samples = fc.sample(scenario, { seed: 7, numRuns: 16 });
    const loaded = samples.map(({ generated, choices, policyDocument }) => ({ policy: loadPolicy(policyDocument), compliance: loadDocuments(resolveDocuments(choices), generated.nowMs) }));
    const expected = samples.map(({ generated }, i) => JSON.stringify(decide(generated.input, loaded[i]!)));
    const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
    const got = await Promise.all(
      [...samples.keys(), ...samples.keys()].map(async (i, k) => {
        for (let wait = 0; wait < k % 3; wait++) await tick();
        return JSON.stringify(decide(samples[i]!.generated.input, loaded[i]!));
      }),
    );
    expect(got).toEqual([...expected, ...expected]);
  }, 60_000);
});

describe('concurrent decisions in worker threads (built package)', () => {
  beforeAll(() => ensureBuild(), 180_000);

  it('gives the decisions of the main thread, whatever the thread and the order', async () => {
    const samples = fc.sample(scenario, { seed: 11, numRuns: 12 });
    const jobs = samples.map(({ generated, choices, policyDocument }) => {
      const documents = resolveDocuments(choices);
      return { input: generated.input, policy: policyDocument, compliance: documents, calendars: calendarsAround(documents, generated.nowMs) };
    });
    const expected = jobs.map((job) => {
      const decision = decide(job.input, { policy: loadPolicy(job.policy), compliance: loadCompliance(job.compliance, { calendars: job.calendars }) });
      return JSON.stringify({ ...decision, version: 'x' });
    });
    const run = (order: number[]) =>
      new Promise<string[]>((resolve, reject) => {
        const worker = new Worker(new URL('./decide-worker.mjs', import.meta.url), { workerData: { dist: `${root}dist/index.js`, jobs, order } });
        worker.once('message', (results: string[]) => {
          void worker.terminate();
          resolve(results);
        });
        worker.once('error', reject);
      });
    const orders = [0, 1, 2, 3].map((seed) => shuffle(jobs.map((_, i) => i), seed + 1));
    const results = await Promise.all(orders.map(run));
    for (const result of results) expect(result.map((json) => JSON.stringify({ ...(JSON.parse(json) as object), version: 'x' }))).toEqual(expected);
  }, 60_000);
});
