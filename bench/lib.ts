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

/**
 * Latency per loan: each loan's median over the rounds, which time the same loans in the same
 * order. A single sample also carries what the machine did meanwhile (on the benchmark VM,
 * timer interrupts and the hypervisor stall about one sample in two hundred by 20–100 µs); a
 * loan's median over three rounds keeps what it costs each time (its work, its cache misses,
 * the collections its allocation causes, which recur at the same loans) and drops one-off stalls.
 */
export function perLoanMedians(runs: readonly { samples: Float64Array }[]): { p50Micros: number; p99Micros: number; p999Micros: number } {
  return perLoan(runs, (sorted) => sorted[(sorted.length - 1) >> 1]!);
}

/**
 * Latency per loan, each loan's fastest round: what its own work costs when nothing else
 * intervened in at least one round. Reported beside the medians, not judged: when more than a
 * few per cent of samples are disturbed (a noisy VM), two of a loan's three samples can be, and
 * the medians' tail then measures the machine; the fastest round's tail is the loans' work.
 */
export function perLoanFastest(runs: readonly { samples: Float64Array }[]): { p50Micros: number; p99Micros: number; p999Micros: number } {
  return perLoan(runs, (sorted) => sorted[0]!);
}

function perLoan(runs: readonly { samples: Float64Array }[], pick: (sorted: Float64Array) => number): { p50Micros: number; p99Micros: number; p999Micros: number } {
  const count = runs[0]?.samples.length ?? 0;
  if (runs.some((run) => run.samples.length !== count)) throw new Error('per-loan latency needs rounds over the same loans');
  const picked = new Float64Array(count);
  const values = new Float64Array(runs.length);
  for (let i = 0; i < count; i++) {
    for (let r = 0; r < runs.length; r++) values[r] = runs[r]!.samples[i]!;
    values.sort();
    picked[i] = pick(values);
  }
  const sorted = sortedMicros(picked);
  return { p50Micros: round(percentile(sorted, 50)), p99Micros: round(percentile(sorted, 99)), p999Micros: round(percentile(sorted, 99.9)) };
}

/**
 * What the machine alone does to latency percentiles: a constant, allocation-free workload that
 * takes about `micros`, timed `count` times exactly as decisions are. Its p99 / p50 would be 1 on
 * a quiet machine; `stalledPercent` is the share of samples lengthened by more than 10 µs.
 */
export function noiseFloor(micros: number, count: number): { p50Micros: number; p99Micros: number; ratio: number; stalledPercent: number } {
  let sink = 0;
  const work = (n: number) => {
    let x = 0;
    for (let j = 0; j < n; j++) x = (x * 31 + j) | 0;
    return x;
  };
  // Calibrate the loop to `micros`: scale its length by the median of a few hundred timed calls,
  // three times (the first calls run before the loop is optimised).
  let n = 1_000;
  for (let pass = 0; pass < 3; pass++) {
    for (let i = 0; i < 5_000; i++) sink += work(n);
    const trial = sortedMicros(timeEach(500, () => (sink += work(n))).samples);
    n = Math.max(1, Math.round((n * micros) / percentile(trial, 50)));
  }
  const { samples } = timeEach(count, () => (sink += work(n)));
  const sorted = sortedMicros(samples);
  const p50 = percentile(sorted, 50);
  let stalled = 0;
  for (const value of sorted) if (value > p50 + 10) stalled++;
  if (sink === 0.5) log('');
  return { p50Micros: round(p50), p99Micros: round(percentile(sorted, 99)), ratio: round(percentile(sorted, 99) / p50), stalledPercent: round((100 * stalled) / count, 3) };
}
