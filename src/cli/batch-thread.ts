/**
 * The thread that runs `arrears batch` (built as `dist/batch-thread.js`): it reads the portfolio,
 * hands its chunks to the deciding workers and writes their decisions to standard output, by file
 * descriptor, without the main thread. The main thread only draws the progress bar and reports
 * bad lines and the summary, from this thread's messages.
 *
 * Why a thread of its own: V8 grows a thread's young generation (up to 16 MB semi-spaces) once
 * enough of what it allocates has survived scavenges. The main thread's limit is set from the
 * command line at start-up; a worker's can be set in code (`resourceLimits`). Run on the main
 * thread, this loop (piscina's bookkeeping of some 3,400 tasks per million lines, promises,
 * reads and writes) allocated 3 MB/s there, and its young generation grew twice within 20 s, so
 * that a run of 1,000,000 lines peaked 6–11 MB higher than one of 250,000 (bench/README.md).
 * Capped here as the deciding workers' are, it never grows.
 */
import { close, open, read, write } from 'node:fs';
import { promisify } from 'node:util';
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerSetup } from '../batch/protocol.js';
import { decideNdjson, type NdjsonSummary } from '../batch/ndjson.js';
import { optionsOf } from '../batch/setup.js';

/** What the main thread gives the batch thread. */
export interface BatchThreadData {
  /** The portfolio's path, or `-` for standard input. */
  readonly input: string;
  /** The policy's rules and hash, the loaded compliance and the trace, as each deciding worker gets them. */
  readonly setup: WorkerSetup;
  readonly workers: number;
  /** Whether the main thread draws a progress bar (then progress is reported at most every 100 ms). */
  readonly progress: boolean;
}

/** What the batch thread reports during the run: each chunk's bad lines, and progress. */
export type BatchThreadReport =
  | { readonly type: 'badLines'; readonly lines: readonly { readonly line: number; readonly message: string }[] }
  | { readonly type: 'progress'; readonly bytes: number; readonly decisions: number };

/** What the batch thread tells the main thread, in this order: reports as they come, then the end. */
export type BatchThreadMessage =
  | BatchThreadReport
  | { readonly type: 'done'; readonly summary: NdjsonSummary }
  /** Standard output's reader went away (`arrears batch … | head`): the run stopped early. */
  | { readonly type: 'closed' };

const STDIN_FD = 0;
const STDOUT_FD = 1;
const READ_BYTES = 1 << 20;

const openFile = promisify(open);
const closeFile = promisify(close);
const readSome = promisify(read);
const writeSome = promisify(write);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * `attempt()`, again after a short wait while it fails with `EAGAIN`: a non-blocking descriptor
 * (Node makes a pipe on standard output non-blocking; a parent may hand one over) that is full,
 * its reader behind, or empty, its writer behind. So a slow reader slows the run instead of
 * decisions piling up in memory, and a slow writer is waited for.
 */
async function whenReady<T>(attempt: () => Promise<T>): Promise<T> {
  for (let wait = 1; ; wait = Math.min(2 * wait, 50)) {
    try {
      return await attempt();
    } catch (error) {
      if ((error as NodeJS.ErrnoException | undefined)?.code !== 'EAGAIN') throw error;
      await sleep(wait);
    }
  }
}

/**
 * The bytes of `fd`, a mebibyte at a time, read into one buffer again and again: `decideNdjson`
 * copies each chunk before it asks for the next.
 */
async function* readChunks(fd: number): AsyncGenerator<Uint8Array> {
  const buffer = new Uint8Array(READ_BYTES);
  for (;;) {
    const { bytesRead } = await whenReady(() => readSome(fd, buffer, 0, buffer.length, null));
    if (bytesRead === 0) return;
    yield buffer.subarray(0, bytesRead);
  }
}

/** The portfolio's bytes: the file's, or standard input's. */
async function* portfolio(path: string): AsyncGenerator<Uint8Array> {
  if (path === '-') {
    yield* readChunks(STDIN_FD);
    return;
  }
  const fd = await openFile(path, 'r');
  try {
    yield* readChunks(fd);
  } finally {
    await closeFile(fd);
  }
}

/** Writes all of `bytes` to standard output. */
async function writeOut(bytes: Uint8Array): Promise<void> {
  for (let offset = 0; offset < bytes.length; ) {
    offset += (await whenReady(() => writeSome(STDOUT_FD, bytes, offset, bytes.length - offset, null))).bytesWritten;
  }
}

/** Thrown out of the run when standard output's reader has gone. */
class OutputClosed extends Error {}

async function main(data: BatchThreadData, port: NonNullable<typeof parentPort>): Promise<void> {
  const post = (message: BatchThreadMessage) => port.postMessage(message);
  const options = optionsOf(data.setup);

  let badLines: { line: number; message: string }[] = [];
  let reported = 0;
  try {
    const summary = await decideNdjson(
      portfolio(data.input),
      { ...options, workers: data.workers, workerUrl: new URL('./batch-worker.js', import.meta.url) },
      {
        output: async (bytes, release) => {
          try {
            await writeOut(bytes);
          } catch (error) {
            throw (error as NodeJS.ErrnoException).code === 'EPIPE' ? new OutputClosed() : error;
          }
          release();
        },
        badLine: (line, message) => badLines.push({ line, message }),
        // After each chunk: its bad lines at once, and progress ten times a second at most.
        progress: (bytes, decisions) => {
          if (badLines.length > 0) {
            post({ type: 'badLines', lines: badLines });
            badLines = [];
          }
          const now = performance.now();
          if (data.progress && now - reported >= 100) {
            reported = now;
            post({ type: 'progress', bytes, decisions });
          }
        },
      },
    );
    post({ type: 'done', summary });
  } catch (error) {
    if (!(error instanceof OutputClosed)) throw error;
    post({ type: 'closed' });
  }
}

if (parentPort !== null) await main(workerData as BatchThreadData, parentPort);
