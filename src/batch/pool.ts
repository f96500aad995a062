/**
 * The worker pool behind `decideMany` and `arrears batch`: piscina threads that each load the
 * policy and compliance once, fed through an ordered window of tasks so that memory stays flat
 * however long the input is, and results come back in input order.
 */
import { availableParallelism } from 'node:os';
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
 * Each worker's young generation, MB (V8's default is 48 on 64-bit). A batch line's objects die
 * within the line, so a larger nursery only holds more garbage between scavenges, and grows for
 * seconds into a run, so that short runs peaked lower than long ones. On the benchmark's VM,
 * 200,000 lines, 3 interleaved pairs: peak RSS 267–274 → 217–229 MB with 2 workers and
 * 195–207 → 168–178 MB with 1, decisions per second the same within the noise.
 */
export const WORKER_YOUNG_GENERATION_MB = 12;

/** Where the built worker is: next to the built entry that imports this module (`dist/`). */
export function defaultWorkerUrl(): URL {
  return new URL('./batch-worker.js', import.meta.url);
}

/**
 * Runs tasks on a pool, at most `window` at once, and hands back their results in submission
 * order. `submit` waits while the window is full; `next` waits for the oldest result.
 */
export class OrderedPool<Task, Result> {
  readonly #pool: Piscina;
  readonly #name: string;
  readonly #window: number;
  readonly #pending: Promise<Result>[] = [];

  constructor(options: BatchPoolOptions, workers: number, name: string, workerUrl: URL = defaultWorkerUrl()) {
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
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
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
    const run = this.#pool.run(task, transfer === undefined ? { name: this.#name } : { name: this.#name, transferList: [...transfer] }) as Promise<Result>;
    // Results are awaited in order; a rejection is seen when its turn comes, never as unhandled.
    run.catch(() => undefined);
    this.#pending.push(run);
  }

  /** The oldest task's result. */
  async next(): Promise<Result> {
    const oldest = this.#pending.shift();
    if (oldest === undefined) throw new Error('No task pending');
    return oldest;
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
