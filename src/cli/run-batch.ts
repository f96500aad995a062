import { once } from 'node:events';
import { statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import cliProgress from 'cli-progress';
import defaultPolicyDocument from '../../rules/policies/default.json' with { type: 'json' };
import { oneOrMany, plural } from '../_lib/plural.js';
import { decideNdjson } from '../batch/ndjson.js';
import { loadPolicy } from '../index.js';
import type { Policy } from '../index.js';
import { about, usageError } from './cli-error.js';
import type { Io } from './io.js';
import { parseOptions } from './parse-options.js';
import { readJson, sourceLabel, STDIN } from './read-json.js';
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

/** The input stream; a file that cannot be opened is a usage error (exit 1), as for `decide`. */
function openInput(path: string): { stream: AsyncIterable<Uint8Array>; size: number | undefined } {
  if (path === STDIN) return { stream: process.stdin, size: undefined };
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw usageError(`cannot read portfolio file "${path}": it is a directory`, 'batch');
    size = stat.size;
  } catch (error) {
    if (error instanceof Error && error.name === 'CliError') throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw usageError(`cannot read portfolio file "${path}": ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(error)}`, 'batch');
  }
  return { stream: readChunks(path), size };
}

/**
 * The file's bytes, a mebibyte at a time, read into one buffer again and again: `decideNdjson`
 * copies each chunk before it asks for the next. A read stream allocated a buffer per read, which
 * the main thread, allocating little else, collected so rarely that they piled up: its array
 * buffers grew from 15 to 38 MB over a 1,000,000-line run on the benchmark's VM.
 */
async function* readChunks(path: string): AsyncGenerator<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const buffer = new Uint8Array(1 << 20);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}

/**
 * The built worker: `dist/batch-worker.js`. This module is built into `dist/cli/` (the CLI's
 * commands are modules of their own, see tsup.config.ts), one level below it.
 */
const WORKER_URL = new URL('../batch-worker.js', import.meta.url);

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
  const input = openInput(positional);

  const label = sourceLabel(positional);
  // A progress bar only for a person watching: never in a pipe, a file or CI logs.
  const bars =
    process.stderr.isTTY === true
      ? new cliProgress.MultiBar(
          {
            stream: process.stderr,
            format: input.size === undefined ? 'batch {decisions} decisions, {rate} decisions/s' : 'batch [{bar}] {percentage}%, {decisions} decisions, {rate} decisions/s, {eta_formatted} left',
            hideCursor: true,
            clearOnComplete: true,
            etaBuffer: 50,
          },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  const started = performance.now();
  const bar = bars?.create(input.size ?? 0, 0, { decisions: '0', rate: '0' });
  // Drawn now, not at the bar's first tick a tenth of a second later: a short run showed none.
  bars?.update();

  const summary = await decideNdjson(
    input.stream,
    { policy, compliance, trace, workers, workerUrl: WORKER_URL },
    {
      // Decisions come from the workers as UTF-8 bytes and go to stdout as they are: the main
      // thread never decodes them (it would compete with the workers for the cores).
      output: async (bytes, release) => {
        // The buffer is reused once written out. Wait while a slow reader of stdout catches up,
        // so that decisions do not pile up in memory.
        if (!process.stdout.write(bytes, () => release())) await once(process.stdout, 'drain');
      },
      badLine: (line, message) => {
        // Above the bar when there is one, so that the bar stays on the last line.
        if (bars === undefined) io.stderr(`${label}:${line}: ${message}\n`);
        else bars.log(`${label}:${line}: ${message}\n`);
      },
      progress: (bytes, decisions) => {
        const seconds = (performance.now() - started) / 1000;
        bar?.update(bytes, { decisions: number(decisions), rate: number(seconds > 0 ? decisions / seconds : 0) });
      },
    },
  );
  bars?.stop();

  const seconds = (performance.now() - started) / 1000;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  io.stderr(
    `arrears batch: ${count(summary.decisions, 'decision')} from ${count(summary.lines, 'line')} (${count(summary.badLines, 'bad line')}) in ${seconds.toFixed(1)} s: ` +
      `${number(seconds > 0 ? summary.decisions / seconds : 0)} decisions/s on ${plural(summary.workers, 'worker')}, peak RSS ${number(peakMb)} MB\n`,
  );
  return summary.badLines > 0 ? 2 : 0;
}
