import { accessSync, constants, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import cliProgress from 'cli-progress';
import defaultPolicyDocument from '../../rules/policies/default.json' with { type: 'json' };
import { oneOrMany, plural } from '../_lib/plural.js';
import type { NdjsonSummary } from '../batch/ndjson.js';
import { WORKER_RESOURCE_LIMITS } from '../batch/resource-limits.js';
import { setupOf } from '../batch/setup.js';
import { loadPolicy } from '../index.js';
import type { Policy } from '../index.js';
import { about, usageError } from './cli-error.js';
import type { BatchThreadData, BatchThreadMessage, BatchThreadReport } from './batch-thread.js';
import type { Io } from './io.js';
import { parseOptions } from './parse-options.js';
import { readJson, sourceLabel, STDIN } from './read-json.js';
import { launcherRssKb } from './relaunch.js';
import { loadResolvedCompliance, readCompliance } from './resolve-compliance.js';

async function readPolicy(path: string | undefined): Promise<Policy> {
  if (path === undefined) return about('bundled default policy', () => loadPolicy(defaultPolicyDocument));
  const document = await readJson(path, 'policy file', 'batch');
  return about(sourceLabel(path), () => loadPolicy(document));
}

function parseWorkers(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  const workers = Number(value);
  if (!/^\d+$/.test(value) || workers < 1 || workers > 1024) throw usageError(`option "--workers" must be a whole number from 1 to 1024, not "${value}"`, 'batch');
  return workers;
}

/** The portfolio's size in bytes (undefined for standard input); a file that cannot be read is a usage error (exit 1), as for `decide`. */
function inputSize(path: string): number | undefined {
  if (path === STDIN) return undefined;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw usageError(`cannot read portfolio file "${path}": it is a directory`, 'batch');
    accessSync(path, constants.R_OK);
    return stat.size;
  } catch (error) {
    if (error instanceof Error && error.name === 'CliError') throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw usageError(`cannot read portfolio file "${path}": ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(error)}`, 'batch');
  }
}

/**
 * The thread that reads the portfolio, feeds the workers and writes the decisions:
 * `dist/batch-thread.js`. This module is built into `dist/cli/` (the CLI's commands are modules
 * of their own, see tsup.config.ts), one level below it.
 */
const THREAD_URL = new URL('../batch-thread.js', import.meta.url);

/**
 * Runs the batch on its thread (see `batch-thread.ts` for why it is not this one), calling
 * `onReport` with its bad lines and progress, and resolves with its summary, or with `undefined`
 * when standard output's reader went away and the run stopped early.
 */
function runOnThread(data: BatchThreadData, onReport: (report: BatchThreadReport) => void): Promise<NdjsonSummary | undefined> {
  return new Promise((resolve, reject) => {
    let end: { summary: NdjsonSummary | undefined } | undefined;
    const thread = new Worker(THREAD_URL, { workerData: data, resourceLimits: WORKER_RESOURCE_LIMITS });
    thread.on('message', (message: BatchThreadMessage) => {
      if (message.type === 'done') end = { summary: message.summary };
      else if (message.type === 'closed') end = { summary: undefined };
      else onReport(message);
    });
    thread.on('error', reject);
    thread.on('exit', (code) => {
      if (end !== undefined) resolve(end.summary);
      else reject(new Error(`The batch thread stopped (exit code ${code}) before the run ended`));
    });
  });
}

const number = (n: number): string => Math.round(n).toLocaleString('en-US');
/** `1 decision`, `2 decisions`, `1,000 bad lines`: {@link plural} with thousands separators. */
const count = (n: number, noun: string): string => `${number(n)} ${oneOrMany(n, noun)}`;

/**
 * `arrears batch <portfolio.ndjson> [--compliance <preset-id|file>]… [--role <addressee>]… [--exception <rule-id>]… [--policy <file>] [--trace full] [--workers <n>]`:
 * one decision per line on stdout, in input order; bad lines on stderr with their line number;
 * a progress bar on stderr when it is a terminal; throughput at the end. Exit 2 when a line was bad.
 */
export async function runBatch(args: readonly string[], io: Io): Promise<number> {
  const { values, positional } = parseOptions('batch', args, {
    policy: { type: 'string' },
    compliance: { type: 'string', multiple: true },
    role: { type: 'string', multiple: true },
    exception: { type: 'string', multiple: true },
    trace: { type: 'string' },
    workers: { type: 'string' },
  });
  const trace = values.trace;
  if (trace !== undefined && trace !== 'summary' && trace !== 'full') {
    throw usageError(`option "--trace" must be "summary" or "full", not "${trace}"`, 'batch');
  }
  const workers = parseWorkers(values.workers);
  const documents = await readCompliance(values.compliance ?? [], 'batch');
  // One compliance for every line: holiday calendars are built around this year (the clock's),
  // and a line whose `now` falls outside them fails closed on holiday rules.
  const compliance = loadResolvedCompliance(documents, { roles: values.role, exceptions: values.exception, now: Date.now() }, 'batch');
  const policy = await readPolicy(values.policy);
  const size = inputSize(positional);

  const label = sourceLabel(positional);
  // A progress bar only for a person watching: never in a pipe, a file or CI logs.
  const bars =
    process.stderr.isTTY === true
      ? new cliProgress.MultiBar(
          {
            stream: process.stderr,
            format: size === undefined ? 'batch {decisions} decisions, {rate} decisions/s' : 'batch [{bar}] {percentage}%, {decisions} decisions, {rate} decisions/s, {eta_formatted} left',
            hideCursor: true,
            clearOnComplete: true,
            etaBuffer: 50,
          },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  const started = performance.now();
  const bar = bars?.create(size ?? 0, 0, { decisions: '0', rate: '0' });
  // Drawn now, not at the bar's first tick a tenth of a second later: a short run showed none.
  bars?.update();

  const summary = await runOnThread({ input: positional, setup: setupOf({ policy, compliance, trace }), workers, progress: bar !== undefined }, (report) => {
    if (report.type === 'badLines') {
      const text = report.lines.map(({ line, message }) => `${label}:${line}: ${message}\n`).join('');
      // Above the bar when there is one, so that the bar stays on the last line.
      if (bars === undefined) io.stderr(text);
      else bars.log(text);
    } else {
      const seconds = (performance.now() - started) / 1000;
      bar?.update(report.bytes, { decisions: number(report.decisions), rate: number(seconds > 0 ? report.decisions / seconds : 0) });
    }
  });
  bars?.stop();
  // A reader that closed the pipe early (`arrears batch … | head`) is not an error.
  if (summary === undefined) return 0;

  const seconds = (performance.now() - started) / 1000;
  // This process's peak, and the process's that started it when there is one (relaunch.ts): both
  // are the run's.
  const peakMb = (process.resourceUsage().maxRSS + launcherRssKb()) / 1024;
  io.stderr(
    `arrears batch: ${count(summary.decisions, 'decision')} from ${count(summary.lines, 'line')} (${count(summary.badLines, 'bad line')}) in ${seconds.toFixed(1)} s: ` +
      `${number(seconds > 0 ? summary.decisions / seconds : 0)} decisions/s on ${plural(summary.workers, 'worker')}, peak RSS ${number(peakMb)} MB\n`,
  );
  return summary.badLines > 0 ? 2 : 0;
}
