/**
 * `decideMany` runs in worker threads that load the built worker (`dist/batch-worker.js`), so
 * these tests import the built `arrears/batch` entry, as a user would.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Batch from '../../src/batch/index.js';
import { decide, loadCompliance, loadPolicy, type DecisionInput } from '../../src/index.js';
import { presets } from '../../src/presets/index.js';
import { generatePortfolio } from '../../bench/generate.js';
import { ensureBuild, root } from '../cli/ensure-build.js';

let batch: typeof Batch;
const policy = loadPolicy(JSON.parse(readFileSync(new URL('../../rules/policies/default.json', import.meta.url), 'utf8')));
const compliance = loadCompliance(presets.cn);
const options = { policy, compliance };

beforeAll(async () => {
  ensureBuild();
  batch = (await import(`${root}dist/batch.js`)) as typeof Batch;
}, 180_000);

async function collect<T>(results: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const result of results) out.push(result);
  return out;
}

describe('decideMany', () => {
  it('returns, in input order, the decisions decide returns', async () => {
    const inputs = generatePortfolio(11, 150);
    const results = await collect(batch.decideMany(inputs, { ...options, workers: 2, batchSize: 16 }));
    expect(results.map((result) => result.index)).toEqual(inputs.map((_, i) => i));
    results.forEach((result, i) => {
      expect('decision' in result && result.decision).toEqual(decide(inputs[i]!, options));
    });
  }, 60_000);

  it('reports a bad input with its index and no decision, and goes on', async () => {
    const [first, second] = generatePortfolio(12, 2) as [DecisionInput, DecisionInput];
    const inputs: (DecisionInput | string)[] = [
      first,
      { ...first, loan: { ...first.loan, balance: 'much' } } as unknown as DecisionInput,
      '{"now": ',
      JSON.stringify(second),
    ];
    const results = await collect(batch.decideMany(inputs, { ...options, workers: 1 }));
    expect(results).toHaveLength(4);
    expect(results[0]).toEqual({ index: 0, decision: decide(first, options) });
    expect(results[1]).toMatchObject({ index: 1, error: { issues: [{ code: 'invalid_type', path: 'loan.balance' }] } });
    expect('decision' in results[1]!).toBe(false);
    expect(results[2]).toEqual({ index: 2, error: { message: 'Invalid JSON: unexpected end of input at column 9', issues: [] } });
    expect(results[3]).toEqual({ index: 3, decision: decide(second, options) });
  }, 60_000);

  it('reads a lazy async iterable only a few batches ahead of the results consumed', async () => {
    let produced = 0;
    async function* inputs(): AsyncGenerator<DecisionInput> {
      for (let i = 0; i < 10_000; i++) {
        produced++;
        yield generatePortfolio(13, 1, {}, i)[0]!;
      }
    }
    let consumed = 0;
    for await (const result of batch.decideMany(inputs(), { ...options, workers: 2, batchSize: 8 })) {
      expect(result.index).toBe(consumed);
      consumed++;
      // Two batches per worker in flight, one being filled: never the whole input.
      expect(produced - consumed).toBeLessThanOrEqual(8 * (2 * 2 + 1));
      if (consumed === 100) break;
    }
    expect(consumed).toBe(100);
    expect(produced).toBeLessThan(200);
  }, 60_000);

  it('rejects bad options at once, before starting any worker', () => {
    expect(() => batch.decideMany([], { ...options, workers: 0 })).toThrow(/Expected `workers` to be a whole number from 1 to 1024/);
    expect(() => batch.decideMany([], { ...options, batchSize: 1.5 })).toThrow(/Expected `batchSize`/);
    expect(() => batch.decideMany([], { policy, compliance: presets.cn } as never)).toThrow(/Invalid options/);
  });

  it('yields nothing for no inputs', async () => {
    expect(await collect(batch.decideMany([], { ...options, workers: 1 }))).toEqual([]);
  }, 60_000);
});
