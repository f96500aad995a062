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
import { WORKER_RESOURCE_LIMITS } from './resource-limits.js';
import { setupOf } from './setup.js';

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
    const setup = setupOf(options);
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
    // Two tasks per worker: one running, one queued, so that no worker waits for the thread that feeds it.
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
