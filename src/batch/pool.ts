/**
 * The worker pool behind `decideMany` and `arrears batch`: piscina threads that each load the
 * policy and compliance once, fed through an ordered window of tasks so that memory stays
 * bounded however long the input is, and results come back in input order.
 */
import { availableParallelism } from 'node:os';
import type { ResourceLimits } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { DecideOptions } from '../decide.js';
import { ArrearsValidationError, type Issue } from '../errors.js';
import { assertOptions } from '../options.js';
import type { WorkerSetup } from './protocol.js';

/** Options shared by the batch entries: {@link DecideOptions} plus the number of workers. */
export interface BatchPoolOptions extends DecideOptions {
  /**
   * Worker threads to decide on; default: every core (`os.availableParallelism()`). Each loads
   * the policy and the compliance once.
   */
  workers?: number | undefined;
}

/** Validates the options (throws `INVALID_OPTIONS`) and returns the worker count. */
export function checkPoolOptions(options: BatchPoolOptions): number {
  assertOptions(options, true);
  const { workers } = options;
  if (workers === undefined) return availableParallelism();
  if (!Number.isInteger(workers) || workers < 1 || workers > 1024) {
    const issue: Issue = { code: 'invalid_value', path: 'workers', message: 'Expected `workers` to be a whole number from 1 to 1024' };
    throw new ArrearsValidationError('options', [issue]);
  }
  return workers;
}

/**
 * Each worker's young generation, MB: 3, the size V8 starts one at on 64-bit (semi-spaces of
 * 1 MB), so that it never grows (V8's default limit is 48). A batch line's objects die within the
 * line, so a larger nursery only holds more garbage between scavenges, and it grows for seconds
 * into a run, so that short runs peaked lower than long ones. On the benchmark's VM, 2 workers:
 * 12 MB instead of 48 took peak RSS over 200,000 lines from 267–274 to 217–229 MB; 3 instead of
 * 12, over 250,000 and 1,000,000 lines (2 interleaved rounds), from 190–194 to 166–169 MB and
 * from 201–202 to 181–185 MB. What it costs: more scavenges, 15% → 20% of a worker's CPU
 * profile over 400,000 lines; decisions per second 1–3% lower in medians of 8 interleaved rounds
 * of 150,000 lines (within the noise of single runs).
 */
export const WORKER_YOUNG_GENERATION_MB = 3;

/**
 * Each worker's old generation limit, MB. V8 chooses how far an old generation may grow before
 * its next full collection from this limit: up to four times what it holds when the limit is 2
 * GB or more (V8's default here is about 4 GB), at most twice under it, less the smaller the
 * limit. A worker holds about 7 MB after a full collection. Under the default, it grew to 13 MB
 * before one collection and to 26 MB before the next, and the process's peak RSS depended on how
 * often the two workers' high points met, which a longer run gives more chances to. With this
 * limit, on the benchmark's VM (2 workers, 2 interleaved rounds of 250,000 and 1,000,000 lines
 * to a file): full collections at 9–14 MB, peak RSS 130–133 MB instead of 146–152. What it
 * costs: more full collections, 1–4% fewer decisions per second (medians of 3 and 4 interleaved
 * rounds over 250,000 lines, 1 and 2 workers; 2 workers / 1 the same). 1 GB is far above what
 * an input can need: the longest history allowed (200,000 events) is decided with 240 MB of RSS
 * in all. A worker that reaches it ends the run with an error ({@link OrderedPool}), never with
 * a decision.
 */
export const WORKER_OLD_GENERATION_MB = 1024;

/** The `resourceLimits` of each batch worker. */
export const WORKER_RESOURCE_LIMITS: ResourceLimits = {
  maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB,
  maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB,
};

/** Where the built worker is: next to the built entry that imports this module (`dist/`). */
export function defaultWorkerUrl(): URL {
  return new URL('./batch-worker.js', import.meta.url);
}

/**
 * Runs tasks on a pool, at most `window` at once, and hands back their results in submission
 * order. `submit` waits while the window is full; `next` waits for the oldest result.
 *
 * A worker that fails while it runs a task (an exception, its memory limit) rejects that task.
 * One that fails between tasks, or while it starts (out of memory loading the policy), would
 * only be replaced by piscina, and the next could fail the same way: the pool stops instead, and
 * every task still pending, and every later `submit`, rejects with that error.
 */
export class OrderedPool<Task, Result> {
  readonly #pool: Piscina;
  readonly #name: string;
  readonly #window: number;
  readonly #pending: Promise<Result>[] = [];
  #failure: { readonly error: unknown } | undefined;

  constructor(options: BatchPoolOptions, workers: number, name: string, workerUrl: URL = defaultWorkerUrl(), resourceLimits: ResourceLimits = WORKER_RESOURCE_LIMITS) {
    const setup: WorkerSetup = {
      rules: options.policy.rules,
      policyHash: options.policy.hash,
      compliance: options.compliance,
      trace: options.trace ?? 'summary',
    };
    this.#pool = new Piscina({
      filename: workerUrl.href,
      minThreads: workers,
      maxThreads: workers,
      idleTimeout: 60_000,
      workerData: setup,
      resourceLimits,
    });
    this.#pool.on('error', (error: unknown) => {
      if (this.#failure !== undefined) return;
      this.#failure = { error };
      // Tasks still queued reject as the pool is destroyed; `next` reports `error` for them.
      void this.#pool.destroy().catch(() => undefined);
    });
    this.#name = name;
    // Two tasks per worker: one running, one queued, so that no worker waits for the main thread.
    this.#window = 2 * workers;
  }

  /** Tasks submitted and not yet taken with `next`. */
  get size(): number {
    return this.#pending.length;
  }

  /** Whether the window is full: take a result with `next` before submitting more. */
  get full(): boolean {
    return this.#pending.length >= this.#window;
  }

  /** Runs `task` on a worker, moving the buffers of `transfer` to it (they become unusable here). */
  submit(task: Task, transfer?: readonly ArrayBuffer[]): void {
    if (this.#failure !== undefined) {
      const failed = Promise.reject(this.#failure.error as Error);
      failed.catch(() => undefined);
      this.#pending.push(failed);
      return;
    }
    const run = this.#pool.run(task, transfer === undefined ? { name: this.#name } : { name: this.#name, transferList: [...transfer] }) as Promise<Result>;
    // Results are awaited in order; a rejection is seen when its turn comes, never as unhandled.
    run.catch(() => undefined);
    this.#pending.push(run);
  }

  /** The oldest task's result. */
  async next(): Promise<Result> {
    const oldest = this.#pending.shift();
    if (oldest === undefined) throw new Error('No task pending');
    try {
      return await oldest;
    } catch (error) {
      throw this.#failure === undefined ? error : this.#failure.error;
    }
  }

  /**
   * Waits for the tasks still in flight (at most the window), then stops the workers. Destroying
   * the pool under a running task (a consumer that stops early) let a worker's late reply reach
   * piscina after its task was gone, which it throws as an uncaught "Unexpected message from
   * Worker".
   */
  async close(): Promise<void> {
    const inFlight = this.#pending.splice(0);
    await Promise.allSettled(inFlight);
    await this.#pool.destroy();
  }
}
