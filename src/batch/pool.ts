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
