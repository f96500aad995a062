/**
 * The NDJSON batch behind `arrears batch`: a byte stream is copied into chunks cut at line ends,
 * and each chunk is moved (not copied) to a worker, which parses, validates and decides its lines.
 * The thread that calls it (in `arrears batch`, a thread of its own: `src/cli/batch-thread.ts`)
 * only copies, cuts, counts and writes, so the workers get the cores; at most two chunks per
 * worker are in flight, so memory stays bounded however long the input.
 */
import { takeBuffer } from './buffers.js';
import { checkPoolOptions, OrderedPool, type BatchPoolOptions } from './pool.js';
import type { LinesResult, LinesTask } from './protocol.js';

/** Options of {@link decideNdjson}. */
export interface NdjsonOptions extends BatchPoolOptions {
  /** Bytes of input per task (at least 1), cut at the last line end within them (a longer line makes a larger task); default 256 KiB. */
  chunkBytes?: number | undefined;
  /** Overrides where the built worker is (tests, and the CLI, whose modules are in `dist/cli/`). */
  workerUrl?: URL | undefined;
}

/** Where {@link decideNdjson} reports. Called in input order. */
export interface NdjsonSink {
  /**
   * Decisions as NDJSON (UTF-8), one line per good input line; may return a promise to apply
   * backpressure. `bytes` stays the sink's until it calls `release` (when it has written them,
   * such as in a stream's write callback); then their buffer is reused. A sink that never calls
   * it only costs a new buffer per chunk.
   */
  output(bytes: Uint8Array, release: () => void): void | Promise<void>;
  /** A bad line: its 1-based line number in the whole input, and a one-line message without borrower data. */
  badLine(line: number, message: string): void;
  /** After each chunk: bytes of input decided so far, and decisions so far. */
  progress?(bytes: number, decisions: number): void;
}

/** The counts at the end of {@link decideNdjson}. */
export interface NdjsonSummary {
  /** Lines read, blank ones included. */
  readonly lines: number;
  readonly decisions: number;
  readonly badLines: number;
  readonly workers: number;
}

const NEWLINE = 10;

/**
 * Decides every line of an NDJSON byte stream on a pool of workers and reports the decisions in
 * input order. Bad lines are reported with their line number and never stop the run.
 * @param source - The bytes. Each chunk is copied before the next is asked for, so a source may
 *   read every chunk into the same buffer.
 */
export async function decideNdjson(source: AsyncIterable<Uint8Array>, options: NdjsonOptions, sink: NdjsonSink): Promise<NdjsonSummary> {
  const workers = checkPoolOptions(options);
  const chunkBytes = Math.max(1, options.chunkBytes ?? 1 << 18);
  const pool = new OrderedPool<LinesTask, LinesResult>(options, workers, 'decideLines', options.workerUrl);
  // Buffers go round instead of being allocated per chunk (on the benchmark's VM, allocating them
  // was a fifth of the feeding thread's busy time and 7% of a worker's, in a CPU profile, nearly all
  // page faults): a task's input buffer comes back with its result, to be filled again; its
  // output buffer, once the sink has released it, goes back to a worker with a later task. Each
  // buffer has one owner at a time.
  const inputBuffers: ArrayBuffer[] = [];
  const outputBuffers: ArrayBuffer[] = [];
  let lines = 0;
  let decisions = 0;
  let badLines = 0;
  let bytesDone = 0;
  const sizes: number[] = [];

  const take = async (): Promise<void> => {
    const result = await pool.next();
    for (const error of result.errors) {
      badLines++;
      sink.badLine(lines + error.line, error.message);
    }
    lines += result.lines;
    decisions += result.decided;
    bytesDone += sizes.shift() ?? 0;
    inputBuffers.push(result.input);
    const output = result.output.buffer as ArrayBuffer;
    if (result.output.length > 0) await sink.output(result.output, () => outputBuffers.push(output));
    else outputBuffers.push(output);
    sink.progress?.(bytesDone, decisions);
  };
  const submit = async (input: Uint8Array): Promise<void> => {
    while (pool.full) await take();
    sizes.push(input.length);
    const spare = outputBuffers.pop();
    const task: LinesTask = { input, spare };
    pool.submit(task, spare === undefined ? [input.buffer as ArrayBuffer] : [input.buffer as ArrayBuffer, spare]);
  };
  /** A chunk of `capacity` bytes, in a returned input buffer when one is large enough. */
  const chunkBuffer = (capacity: number): Uint8Array => new Uint8Array(takeBuffer(inputBuffers, capacity), 0, capacity);

  try {
    // The source's bytes are copied into `chunk` as they come. Once it is full, its whole lines
    // go to a worker and the line that did not end moves to the next chunk; a line longer than
    // the chunk makes it grow.
    let chunk = chunkBuffer(chunkBytes);
    let filled = 0;
    for await (const bytes of source) {
      for (let offset = 0; offset < bytes.length; ) {
        const copied = Math.min(bytes.length - offset, chunk.length - filled);
        chunk.set(copied === bytes.length ? bytes : bytes.subarray(offset, offset + copied), filled);
        filled += copied;
        offset += copied;
        if (filled < chunk.length) continue;
        const last = chunk.lastIndexOf(NEWLINE);
        const rest = chunk.subarray(last + 1, filled);
        const next = chunkBuffer(Math.max(chunkBytes, 2 * rest.length));
        next.set(rest);
        filled = rest.length; // read before the chunk is moved to a worker, which empties its views here
        if (last !== -1) await submit(chunk.subarray(0, last + 1));
        else inputBuffers.push(chunk.buffer as ArrayBuffer);
        chunk = next;
      }
    }
    if (filled > 0) await submit(chunk.subarray(0, filled));
    while (pool.size > 0) await take();
  } finally {
    await pool.close();
  }
  return { lines, decisions, badLines, workers };
}
