import type { Decision } from '../domain/decision.js';
import type { DecisionInput } from '../domain/input.js';
import { ArrearsValidationError } from '../errors.js';
import { checkPoolOptions, OrderedPool, type BatchPoolOptions } from './pool.js';
import type { BatchItemError, ItemOutcome, ItemsTask } from './protocol.js';

/**
 * Options of {@link decideMany}: those of `decide`, plus the number of workers and how many
 * inputs each task carries.
 * @category Batch
 */
export interface DecideManyOptions extends BatchPoolOptions {
  /**
   * Inputs sent to a worker at a time; larger batches cost less in messages, smaller ones keep
   * memory and latency lower.
   * @default 64
   */
  batchSize?: number | undefined;
}

/**
 * One result of {@link decideMany}: the input's position in the iterable (0-based) and its
 * decision, or why it got none.
 * @category Batch
 */
export type DecideManyResult = { readonly index: number; readonly decision: Decision } | { readonly index: number; readonly error: BatchItemError };

export type { BatchItemError };

function batchSizeOf(options: DecideManyOptions): number {
  const { batchSize } = options;
  if (batchSize === undefined) return 64;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) {
    throw new ArrearsValidationError('options', [{ code: 'invalid_value', path: 'batchSize', message: 'Expected `batchSize` to be a whole number from 1 to 100000' }]);
  }
  return batchSize;
}

/**
 * Decides a stream of inputs on every core: worker threads (piscina) that each load the policy
 * and the compliance once. Inputs are read from the iterable only as fast as decisions are
 * consumed, a few batches ahead, so memory stays bounded on inputs larger than memory.
 *
 * Results come in input order, one per input. An input that fails validation (or a string that
 * is not JSON) gives an `error` result with its index and never stops the run; the decisions are
 * those `decide` returns. Node only (`arrears/batch`); in other runtimes call `decide` per input.
 * Stopping early (`break`) stops the workers.
 * @param inputs - Decision inputs, or their JSON texts (parsed in the workers, which is cheaper
 *   than sending objects), from any iterable or async iterable: an array, a generator, a stream.
 * @param options - {@link DecideManyOptions}: the loaded policy and compliance, `workers`, `batchSize`.
 * @returns An async iterable of {@link DecideManyResult}, in input order.
 * @throws {@link arrears!ArrearsValidationError} `INVALID_OPTIONS` at once for bad options; later, what
 *   the input iterable throws, or the error of a worker thread that dies (an exception, or its
 *   heap limit of 1 GB, far above what any input needs), after which no result comes.
 * @example
 * ```ts
 * import { loadCompliance, loadPolicy } from 'arrears';
 * import { decideMany } from 'arrears/batch';
 * import { presets } from 'arrears/presets';
 *
 * const options = { policy: loadPolicy(policyJson), compliance: loadCompliance(presets.cn) };
 * for await (const result of decideMany(readPortfolio(), options)) {
 *   if ('decision' in result) await save(result.decision);
 *   else console.error(`input ${result.index}: ${result.error.message}`);
 * }
 * ```
 * @category Batch
 */
export function decideMany(
  inputs: Iterable<DecisionInput | string> | AsyncIterable<DecisionInput | string>,
  options: DecideManyOptions,
): AsyncIterableIterator<DecideManyResult> {
  const workers = checkPoolOptions(options);
  const batchSize = batchSizeOf(options);
  return run(inputs, options, workers, batchSize);
}

async function* run(
  inputs: Iterable<DecisionInput | string> | AsyncIterable<DecisionInput | string>,
  options: DecideManyOptions,
  workers: number,
  batchSize: number,
): AsyncGenerator<DecideManyResult> {
  const pool = new OrderedPool<ItemsTask, ItemOutcome[]>(options, workers, 'decideItems');
  let index = 0;
  async function* drain(): AsyncGenerator<DecideManyResult> {
    for (const outcome of await pool.next()) {
      yield 'decision' in outcome ? { index: index++, decision: outcome.decision } : { index: index++, error: outcome.error };
    }
  }
  try {
    let batch: (DecisionInput | string)[] = [];
    for await (const input of inputs) {
      batch.push(input);
      if (batch.length < batchSize) continue;
      if (pool.full) yield* drain();
      pool.submit(batch);
      batch = [];
    }
    if (batch.length > 0) {
      if (pool.full) yield* drain();
      pool.submit(batch);
    }
    while (pool.size > 0) yield* drain();
  } finally {
    await pool.close();
  }
}
