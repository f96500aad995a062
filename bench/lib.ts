/** Shared helpers of the benchmark phases: timing, percentiles, allocation, output. */
import { GCProfiler } from 'node:v8';

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function median(values: readonly number[]): number {
  return percentile(Float64Array.from(values).sort(), 50);
}

/** Per-call latencies in µs, sorted, from nanosecond samples. */
export function sortedMicros(samples: Float64Array): Float64Array {
  return Float64Array.from(samples, (ns) => ns / 1000).sort();
}

export const round = (value: number, digits = 2): number => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};

/**
 * Bytes allocated on the JS heap while `run` runs, from V8's own GC records: the growth of the
 * used heap plus everything each collection in between freed (used before − used after).
 * Nothing is disabled, so the code runs as it does in the timed loops.
 */
export async function allocatedBytes(run: () => unknown): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('Run the benchmark phases with --expose-gc');
  gc();
  const profiler = new GCProfiler();
  profiler.start();
  const start = process.memoryUsage().heapUsed;
  await run();
  const end = process.memoryUsage().heapUsed;
  const { statistics } = profiler.stop();
  let freed = 0;
  for (const entry of statistics) freed += entry.beforeGC.heapStatistics.usedHeapSize - entry.afterGC.heapStatistics.usedHeapSize;
  return end - start + freed;
}

/** A phase reports one JSON document on stdout; progress goes to stderr. */
export function report(result: unknown): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

export function log(message: string): void {
  process.stderr.write(`  ${message}\n`);
}

/** Runs `task` for each index in `order`, timing each call; returns ns per call and the wall time. */
export function timeEach(count: number, task: (i: number) => unknown): { samples: Float64Array; seconds: number } {
  const samples = new Float64Array(count);
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    const t0 = process.hrtime.bigint();
    task(i);
    samples[i] = Number(process.hrtime.bigint() - t0);
  }
  return { samples, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** Throughput and latency of timed runs (all rounds pooled for the percentiles). */
export function summarise(runs: readonly { samples: Float64Array; seconds: number }[]): {
  decisionsPerSecond: number;
  meanMicros: number;
  p50Micros: number;
  p99Micros: number;
  p999Micros: number;
  rounds: number[];
} {
  const rates = runs.map((run) => run.samples.length / run.seconds);
  const pooled = new Float64Array(runs.reduce((sum, run) => sum + run.samples.length, 0));
  let offset = 0;
  for (const run of runs) {
    pooled.set(run.samples, offset);
    offset += run.samples.length;
  }
  const sorted = sortedMicros(pooled);
  const rate = median(rates);
  return {
    decisionsPerSecond: Math.round(rate),
    meanMicros: round(1e6 / rate),
    p50Micros: round(percentile(sorted, 50)),
    p99Micros: round(percentile(sorted, 99)),
    p999Micros: round(percentile(sorted, 99.9)),
    rounds: rates.map((r) => Math.round(r)),
  };
}
