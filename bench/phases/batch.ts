/**
 * Phase: `arrears batch` (the built CLI) streaming NDJSON portfolios from files in the system's
 * temporary directory, deleted afterwards:
 * - 1,000,000 loans with 1 and with 2 workers, `BENCH_BATCH_ROUNDS` (3) times in alternating
 *   order (1 then 2, 2 then 1, …), decisions to the null device: the speed-up of the second worker,
 *   as the median of the rounds' ratios. Each ratio compares two runs about a minute apart, so a VM
 *   that changes speed between them moves one round, not the figure.
 * - The same 1,000,000 loans with 1 and with 2 workers once more, decisions to a file, as
 *   `arrears batch portfolio.ndjson > decisions.ndjson` writes them: what the disk adds. On a
 *   2-vCPU VM the kernel's page cache and writeback of 4.3 GB take CPU from the workers.
 * - In each of those rounds, after the 1,000,000-loan runs, 250,000 loans with 2 workers to the
 *   null device: peak RSS against the round's 2-worker run over 1,000,000 loans (memory stays
 *   flat), as the median of the rounds' ratios. The one pair of runs that every run up to S
 *   judged gave anything from 1.06 to 1.14 (runs K–S), with where the workers' collections
 *   happened to meet. A quarter rather than a tenth: a 100,000-loan run ends about 5 s in, while
 *   its workers' heaps are still growing to the size that any longer run settles at (its RSS rose
 *   from quarter to quarter of its time, 144 / 160 / 171 / 175 MB in run J, while the
 *   1,000,000-loan run had reached 185 MB in its first quarter), so it measured that warm-up
 *   rather than whether memory grows with the input.
 * - 250,000 loans with 2 workers once more, decisions to a file: the same ratio for one pair of
 *   runs to a file, as every run before run T judged it (context).
 * - 10,000 loans with full-length histories, 2 workers: throughput on the decide phase's portfolio.
 * The 1,000,000-loan portfolio has histories a tenth as long (0–20 events): validation is most of
 * a line's cost, and full histories would take several minutes per run on this machine.
 * No process of the benchmark's reads the decisions while a run is timed (a reader on a pipe took
 * CPU from the workers on this 2-vCPU machine). A file's lines are counted afterwards, then the
 * file is deleted; a run to the null device is checked by the CLI's own count of the decisions it
 * wrote, which must equal the loans.
 */
import { spawn } from 'node:child_process';
import { closeSync, createReadStream, createWriteStream, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { generateInput, type GenerateOptions } from '../generate.js';
import { log, median, report, round } from '../lib.js';

const SEED = Number(process.env['BENCH_SEED'] ?? 20260715);
const LOANS = Number(process.env['BENCH_BATCH_LOANS'] ?? 1_000_000);
const ROUNDS = Number(process.env['BENCH_BATCH_ROUNDS'] ?? 3);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error('BENCH_BATCH_ROUNDS must be a whole number of at least 1');
const cli = process.env['BENCH_CLI'];
if (cli === undefined) throw new Error('BENCH_CLI must name the built dist/cli.js');

const dir = mkdtempSync(join(tmpdir(), 'arrears-bench-'));

async function writePortfolio(file: string, count: number, options: GenerateOptions): Promise<number> {
  const out = createWriteStream(file);
  let lines: string[] = [];
  for (let i = 0; i < count; i++) {
    lines.push(JSON.stringify(generateInput(SEED, i, options)));
    if (lines.length === 2_000 || i === count - 1) {
      if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
      lines = [];
    }
  }
  out.end();
  await once(out, 'finish');
  return statSync(file).size;
}

/** Where a run's decisions go: a file in the temporary directory, or the null device. */
type Sink = 'file' | 'null';

interface BatchRun {
  workers: number;
  sink: Sink;
  loans: number;
  seconds: number;
  decisionsPerSecond: number;
  peakRssMb: number;
  /**
   * The highest resident set size in each quarter of the run's wall time, MB, sampled every
   * 250 ms from `/proc` (Linux; empty elsewhere), of `arrears batch` and the process it decides in. Memory that grew with the input would rise
   * from quarter to quarter; flat memory levels off once the workers' heaps have settled.
   */
  rssMbByQuarter: number[];
  /** The size of the decisions written (a file's; not known for the null device). */
  outputBytes: number | undefined;
}

/** The resident set size of a process in MB, from `/proc/<pid>/status`, or undefined where there is none. */
function residentMb(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match === null ? undefined : Number(match[1]) / 1024;
  } catch {
    return undefined;
  }
}

/** The processes `pid` started (Linux; none where `/proc` cannot tell). */
function childrenOf(pid: number): number[] {
  try {
    const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return text === '' ? [] : text.split(' ').map(Number);
  } catch {
    return [];
  }
}

/**
 * The resident set size of a process and of every process it started, in MB: `arrears batch`
 * decides in a second `node` that it starts (src/cli/relaunch.ts).
 */
function treeResidentMb(pid: number): number | undefined {
  const own = residentMb(pid);
  if (own === undefined) return undefined;
  return childrenOf(pid).reduce((sum, child) => sum + (treeResidentMb(child) ?? 0), own);
}

/** The highest sample in each quarter of `seconds`. */
function byQuarter(samples: readonly { at: number; mb: number }[], seconds: number): number[] {
  if (samples.length === 0) return [];
  const peaks = [0, 0, 0, 0];
  for (const { at, mb } of samples) {
    const quarter = Math.min(3, Math.floor((4 * at) / seconds));
    peaks[quarter] = Math.max(peaks[quarter]!, mb);
  }
  return peaks.map((mb) => Math.round(mb));
}

/** Newlines in a file, read in chunks. */
async function countLines(file: string): Promise<number> {
  let newlines = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) newlines++;
  }
  return newlines;
}

/**
 * Runs `arrears batch` with stdout to `sink` (a file is counted, then deleted); reads its summary
 * line from stderr.
 */
async function runBatch(file: string, workers: number, sink: Sink): Promise<BatchRun> {
  const output = sink === 'file' ? join(dir, `decisions-${workers}.ndjson`) : devNull;
  const fd = openSync(output, 'w');
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [cli!, 'batch', file, '--compliance', 'cn', '--workers', String(workers)], { stdio: ['ignore', fd, 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const samples: { at: number; mb: number }[] = [];
  const sampler = setInterval(() => {
    const mb = child.pid === undefined ? undefined : treeResidentMb(child.pid);
    if (mb !== undefined) samples.push({ at: Number(process.hrtime.bigint() - started) / 1e9, mb });
  }, 250);
  const [code] = (await once(child, 'close')) as [number | null];
  clearInterval(sampler);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  closeSync(fd);
  try {
    const summary = /arrears batch: ([\d,]+) decisions? from ([\d,]+) lines? .* peak RSS ([\d,]+) MB/.exec(stderr);
    if (code !== 0 || summary === null) throw new Error(`arrears batch exited ${code}: ${stderr.slice(-2000)}`);
    const decisions = Number(summary[1]!.replaceAll(',', ''));
    const lines = Number(summary[2]!.replaceAll(',', ''));
    if (decisions !== lines) throw new Error(`arrears batch decided ${decisions} of ${lines} lines`);
    if (sink === 'file') {
      const newlines = await countLines(output);
      if (decisions !== newlines) throw new Error(`arrears batch reported ${decisions} decisions but printed ${newlines} lines`);
    }
    return {
      workers,
      sink,
      loans: decisions,
      seconds: round(seconds, 1),
      decisionsPerSecond: Math.round(decisions / seconds),
      peakRssMb: Number(summary[3]!.replaceAll(',', '')),
      rssMbByQuarter: byQuarter(samples, seconds),
      outputBytes: sink === 'file' ? statSync(output).size : undefined,
    };
  } finally {
    if (sink === 'file') rmSync(output, { force: true });
  }
}

/**
 * One round: the 1-and-2-worker comparison (both runs on the same portfolio, one after the other),
 * then the quarter-size portfolio with 2 workers, for peak RSS.
 */
interface Round {
  order: number[];
  oneWorker: BatchRun;
  twoWorkers: BatchRun;
  twoOverOne: number;
  twoWorkersQuarter: BatchRun;
  /** Peak RSS of the 2-worker run over the full portfolio / over the quarter. */
  peakRssFullOverQuarter: number;
}

async function compareWorkers(file: string, quarterFile: string): Promise<Round[]> {
  const rounds: Round[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const order = i % 2 === 0 ? [1, 2] : [2, 1];
    const runs = new Map<number, BatchRun>();
    for (const workers of order) {
      log(`round ${i + 1} of ${ROUNDS}: ${workers} worker${workers === 1 ? '' : 's'}, decisions to ${devNull}`);
      runs.set(workers, await runBatch(file, workers, 'null'));
    }
    log(`round ${i + 1} of ${ROUNDS}: 2 workers, ${(LOANS / 4).toLocaleString('en-US')} loans, decisions to ${devNull}`);
    const twoWorkersQuarter = await runBatch(quarterFile, 2, 'null');
    const [oneWorker, twoWorkers] = [runs.get(1)!, runs.get(2)!];
    rounds.push({
      order,
      oneWorker,
      twoWorkers,
      twoOverOne: round(twoWorkers.decisionsPerSecond / oneWorker.decisionsPerSecond, 2),
      twoWorkersQuarter,
      peakRssFullOverQuarter: round(twoWorkers.peakRssMb / twoWorkersQuarter.peakRssMb, 2),
    });
  }
  return rounds;
}

try {
  log(`writing ${LOANS.toLocaleString('en-US')} loans (histories of 0–20 events) to ${dir}`);
  const big = join(dir, 'portfolio-1m.ndjson');
  const bigBytes = await writePortfolio(big, LOANS, { historyDivisor: 10 });
  const small = join(dir, 'portfolio-quarter.ndjson');
  const smallBytes = await writePortfolio(small, Math.round(LOANS / 4), { historyDivisor: 10 });
  const full = join(dir, 'portfolio-full.ndjson');
  const fullBytes = await writePortfolio(full, 10_000, {});

  const rounds = await compareWorkers(big, small);
  log('1 worker, decisions to a file');
  const one = await runBatch(big, 1, 'file');
  log('2 workers, decisions to a file');
  const two = await runBatch(big, 2, 'file');
  log(`2 workers, ${(LOANS / 4).toLocaleString('en-US')} loans, decisions to a file`);
  const quarter = await runBatch(small, 2, 'file');
  log('2 workers, full-length histories');
  const realistic = await runBatch(full, 2, 'file');
  const oneMedian = median(rounds.map((r) => r.oneWorker.decisionsPerSecond));
  const twoMedian = median(rounds.map((r) => r.twoWorkers.decisionsPerSecond));
  report({
    files: { loans: LOANS, bytes: bigBytes, quarterBytes: smallBytes, fullHistoryBytes: fullBytes },
    toNull: { rounds, oneWorkerMedian: oneMedian, twoWorkersMedian: twoMedian },
    oneWorker: one,
    twoWorkers: two,
    twoWorkersQuarter: quarter,
    twoWorkersFullHistories: realistic,
    ratios: {
      twoOverOne: round(median(rounds.map((r) => r.twoOverOne)), 2),
      twoOverOneOfMedians: round(twoMedian / oneMedian, 2),
      twoOverOneToFile: round(two.decisionsPerSecond / one.decisionsPerSecond, 2),
      peakRssFullOverQuarter: round(median(rounds.map((r) => r.peakRssFullOverQuarter)), 2),
      peakRssFullOverQuarterToFile: round(two.peakRssMb / quarter.peakRssMb, 2),
    },
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
