/**
 * The NDJSON batch behind `arrears batch`: a byte stream is cut into chunks at line ends, and
 * each chunk is moved (not copied) to a worker, which parses, validates and decides its lines.
 * The main thread only cuts, counts and writes, so the workers get the cores; at most two chunks
 * per worker are in flight, so memory does not grow with the input.
 */
import { checkPoolOptions, OrderedPool, type BatchPoolOptions } from './pool.js';
import type { LinesResult, LinesTask } from './protocol.js';

/** Options of {@link decideNdjson}. */
export interface NdjsonOptions extends BatchPoolOptions {
  /** Bytes of input per task, cut at the last line end; default 256 KiB. */
  chunkBytes?: number | undefined;
  /** Overrides where the built worker is (tests). */
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
 * The first `length` bytes of `parts`, copied into `buffer` when it is large enough, else into a
 * new one (moved to a worker with its task, so each chunk needs a buffer of its own).
 */
function join(parts: readonly Uint8Array[], length: number, buffer: ArrayBuffer | undefined): Uint8Array {
  const out = buffer !== undefined && buffer.byteLength >= length ? new Uint8Array(buffer, 0, length) : new Uint8Array(Math.ceil(length * 1.25)).subarray(0, length);
  let offset = 0;
  for (const part of parts) {
    const take = Math.min(part.length, length - offset);
    out.set(take === part.length ? part : part.subarray(0, take), offset);
    offset += take;
    if (offset === length) break;
  }
  return out;
}

/**
 * Decides every line of an NDJSON byte stream on a pool of workers and reports the decisions in
 * input order. Bad lines are reported with their line number and never stop the run.
 */
export async function decideNdjson(source: AsyncIterable<Uint8Array>, options: NdjsonOptions, sink: NdjsonSink): Promise<NdjsonSummary> {
  const workers = checkPoolOptions(options);
  const chunkBytes = options.chunkBytes ?? 1 << 18;
  const pool = new OrderedPool<LinesTask, LinesResult>(options, workers, 'decideLines', options.workerUrl);
  // Buffers go round instead of being allocated per chunk (on the benchmark's VM, allocating them
  // was a fifth of the main thread's busy time and 7% of a worker's, in a CPU profile, nearly all
  // page faults): a task's input buffer comes back with its result, for a later chunk; its output
  // buffer, once the sink has released it, goes back to a worker with a later task. Each buffer
  // has one owner at a time.
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
  const submit = async (parts: readonly Uint8Array[], length: number): Promise<void> => {
    while (pool.full) await take();
    sizes.push(length);
    const input = join(parts, length, inputBuffers.pop());
    const spare = outputBuffers.pop();
    const task: LinesTask = { input, spare };
    pool.submit(task, spare === undefined ? [input.buffer as ArrayBuffer] : [input.buffer as ArrayBuffer, spare]);
  };

  try {
    let parts: Uint8Array[] = [];
    let buffered = 0;
    for await (const chunk of source) {
      if (chunk.length === 0) continue;
      parts.push(chunk);
      buffered += chunk.length;
      if (buffered < chunkBytes) continue;
      const last = chunk.lastIndexOf(NEWLINE);
      if (last === -1) continue; // a line longer than the chunk: keep reading until it ends
      const rest = chunk.length - last - 1;
      await submit(parts, buffered - rest);
      parts = rest === 0 ? [] : [chunk.subarray(last + 1)];
      buffered = rest;
    }
    if (buffered > 0) await submit(parts, buffered);
    while (pool.size > 0) await take();
  } finally {
    await pool.close();
  }
  return { lines, decisions, badLines, workers };
}
