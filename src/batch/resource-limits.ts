/**
 * The memory limits of the batch's threads: each deciding worker's, and, in `arrears batch`, the
 * thread that feeds them (`src/cli/batch-thread.ts`). A module of its own so that the CLI's main
 * thread can read them without loading piscina.
 */
import type { ResourceLimits } from 'node:worker_threads';

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
 * in all. A worker that reaches it ends the run with an error (`OrderedPool`, `pool.ts`), never with
 * a decision.
 */
export const WORKER_OLD_GENERATION_MB = 1024;

/** The `resourceLimits` of each batch worker, and of the thread that feeds them in `arrears batch`. */
export const WORKER_RESOURCE_LIMITS: ResourceLimits = {
  maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB,
  maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB,
};
