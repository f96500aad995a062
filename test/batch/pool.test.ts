/**
 * The worker pool's limits and failures: a worker that dies outside a task (here, out of memory
 * while it loads the policy) stops the run with its error instead of crashing the process or
 * leaving it waiting, and the limits leave room for the largest input the library accepts.
 * Its workers run the built worker (`dist/batch-worker.js`).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decideNdjson } from '../../src/batch/ndjson.js';
import { OrderedPool } from '../../src/batch/pool.js';
import type { LinesResult, LinesTask } from '../../src/batch/protocol.js';
import { decide, loadCompliance, loadPolicy, type DecisionInput } from '../../src/index.js';
import { MAX_HISTORY_EVENTS } from '../../src/validate/input-schema.js';
import { presets } from '../../src/presets/index.js';
import { generatePortfolio } from '../../bench/generate.js';
import { ensureBuild, root } from '../cli/ensure-build.js';

const policy = loadPolicy(JSON.parse(readFileSync(new URL('../../rules/policies/default.json', import.meta.url), 'utf8')));
const compliance = loadCompliance(presets.cn);
const workerUrl = new URL(`file://${root}dist/batch-worker.js`);

beforeAll(() => ensureBuild(), 180_000);

const lines = (inputs: readonly DecisionInput[]): LinesTask => ({ input: Buffer.from(inputs.map((input) => `${JSON.stringify(input)}\n`).join('')) });

describe('OrderedPool', () => {
  it('rejects every pending and later task with the error of a worker that ran out of memory while starting', async () => {
    const pool = new OrderedPool<LinesTask, LinesResult>({ policy, compliance }, 1, 'decideLines', workerUrl, { maxOldGenerationSizeMb: 4 });
    const inputs = generatePortfolio(7, 3);
    pool.submit(lines(inputs));
    pool.submit(lines(inputs));
    await expect(pool.next()).rejects.toThrow(/memory limit/);
    await expect(pool.next()).rejects.toThrow(/memory limit/);
    pool.submit(lines(inputs));
    await expect(pool.next()).rejects.toThrow(/memory limit/);
    await pool.close();
  });

  it('decides the longest history an input may hold within the default limits', async () => {
    const [base] = generatePortfolio(11, 1).filter((input) => (input.history?.length ?? 0) > 0);
    const history = base!.history!;
    const longest: DecisionInput = { ...base!, history: Array.from({ length: MAX_HISTORY_EVENTS }, (_, i) => history[i % history.length]!) };
    const output: Buffer[] = [];
    const summary = await decideNdjson(
      (async function* () {
        yield Buffer.from(`${JSON.stringify(longest)}\n`);
      })(),
      { policy, compliance, workers: 1, workerUrl },
      { output: (bytes, release) => (output.push(Buffer.from(bytes)), release()), badLine: (line, message) => expect.fail(`line ${line}: ${message}`) },
    );
    expect(summary).toEqual({ lines: 1, decisions: 1, badLines: 0, workers: 1 });
    expect(Buffer.concat(output).toString('utf8')).toBe(`${JSON.stringify(decide(longest, { policy, compliance }))}\n`);
  }, 60_000);
});
