/**
 * Phase: `arrears batch` (the built CLI) streaming NDJSON portfolios from files in the system's
 * temporary directory, deleted afterwards:
 * - 1,000,000 loans with 1 and with 2 workers: the speed-up of the second worker;
 * - 100,000 loans with 2 workers: peak RSS against the 1,000,000-loan run (memory stays flat);
 * - 10,000 loans with full-length histories, 2 workers: throughput on the decide phase's portfolio.
 * The 1,000,000-loan portfolio has histories a tenth as long (0–20 events): validation is most of
 * a line's cost, and full histories would take several minutes per run on this machine.
 * Decisions go to a file, as `arrears batch portfolio.ndjson > decisions.ndjson` writes them:
 * no process of the benchmark's reads them while the run is timed (a reader on a pipe took CPU
 * from the workers on this 2-vCPU machine). Their lines are counted afterwards, then deleted.
 */
import { spawn } from 'node:child_process';
import { closeSync, createReadStream, createWriteStream, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { generateInput, type GenerateOptions } from '../generate.js';
import { log, report, round } from '../lib.js';

const SEED = Number(process.env['BENCH_SEED'] ?? 20260715);
const LOANS = Number(process.env['BENCH_BATCH_LOANS'] ?? 1_000_000);
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

interface BatchRun {
  workers: number;
  loans: number;
  seconds: number;
  decisionsPerSecond: number;
  peakRssMb: number;
  /**
   * The highest resident set size in each quarter of the run's wall time, MB, sampled every
   * 250 ms from `/proc` (Linux; empty elsewhere). Memory that grew with the input would rise
   * from quarter to quarter; flat memory levels off once the workers' heaps have settled.
   */
  rssMbByQuarter: number[];
  outputBytes: number;
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

/** Runs `arrears batch` with stdout to a file (counted, then deleted); reads its summary line from stderr. */
async function runBatch(file: string, workers: number): Promise<BatchRun> {
  const output = join(dir, `decisions-${workers}.ndjson`);
  const fd = openSync(output, 'w');
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [cli!, 'batch', file, '--compliance', 'cn', '--workers', String(workers)], { stdio: ['ignore', fd, 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const samples: { at: number; mb: number }[] = [];
  const sampler = setInterval(() => {
    const mb = child.pid === undefined ? undefined : residentMb(child.pid);
    if (mb !== undefined) samples.push({ at: Number(process.hrtime.bigint() - started) / 1e9, mb });
  }, 250);
  const [code] = (await once(child, 'close')) as [number | null];
  clearInterval(sampler);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  closeSync(fd);
  try {
    const summary = /arrears batch: ([\d,]+) decisions from ([\d,]+) lines .* peak RSS ([\d,]+) MB/.exec(stderr);
    if (code !== 0 || summary === null) throw new Error(`arrears batch exited ${code}: ${stderr.slice(-2000)}`);
    const decisions = Number(summary[1]!.replaceAll(',', ''));
    const newlines = await countLines(output);
    if (decisions !== newlines) throw new Error(`arrears batch reported ${decisions} decisions but printed ${newlines} lines`);
    return { workers, loans: decisions, seconds: round(seconds, 1), decisionsPerSecond: Math.round(decisions / seconds), peakRssMb: Number(summary[3]!.replaceAll(',', '')), rssMbByQuarter: byQuarter(samples, seconds), outputBytes: statSync(output).size };
  } finally {
    rmSync(output, { force: true });
  }
}

try {
  log(`writing ${LOANS.toLocaleString('en-US')} loans (histories of 0–20 events) to ${dir}`);
  const big = join(dir, 'portfolio-1m.ndjson');
  const bigBytes = await writePortfolio(big, LOANS, { historyDivisor: 10 });
  const small = join(dir, 'portfolio-100k.ndjson');
  const smallBytes = await writePortfolio(small, Math.round(LOANS / 10), { historyDivisor: 10 });
  const full = join(dir, 'portfolio-full.ndjson');
  const fullBytes = await writePortfolio(full, 10_000, {});

  log('1 worker');
  const one = await runBatch(big, 1);
  log('2 workers');
  const two = await runBatch(big, 2);
  log(`2 workers, ${(LOANS / 10).toLocaleString('en-US')} loans`);
  const tenth = await runBatch(small, 2);
  log('2 workers, full-length histories');
  const realistic = await runBatch(full, 2);
  report({
    files: { loans: LOANS, bytes: bigBytes, tenthBytes: smallBytes, fullHistoryBytes: fullBytes },
    oneWorker: one,
    twoWorkers: two,
    twoWorkersTenth: tenth,
    twoWorkersFullHistories: realistic,
    ratios: {
      twoOverOne: round(two.decisionsPerSecond / one.decisionsPerSecond, 2),
      peakRssFullOverTenth: round(two.peakRssMb / tenth.peakRssMb, 2),
    },
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
