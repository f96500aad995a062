/**
 * The batch worker (a piscina worker thread, built as `dist/batch-worker.js`): loads the policy
 * and the compliance once, then decides tasks of inputs or of NDJSON bytes. A bad item or line
 * never stops a task: it comes back as an error with its position, and no decision.
 */
import { Buffer } from 'node:buffer';
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import { withoutBom } from '../_lib/bom.js';
import { takeBuffer } from './buffers.js';
import { findJsonSyntaxError } from '../cli/find-json-syntax-error.js';
import { decide, type DecideOptions } from '../decide.js';
import type { DecisionInput } from '../domain/input.js';
import { isArrearsValidationError } from '../errors.js';
import type { BatchItemError, ItemOutcome, ItemsTask, LinesResult, LinesTask, WorkerSetup } from './protocol.js';
import { optionsOf } from './setup.js';

let options: DecideOptions | undefined;

/** The decide options, built on the first task from the pool's `workerData`. */
function decideOptions(): DecideOptions {
  options ??= optionsOf(workerData as WorkerSetup);
  return options;
}

function invalidJson(text: string): BatchItemError {
  const error = findJsonSyntaxError(text);
  const where = error === undefined ? '' : `: ${error.problem} at column ${error.column}${error.line > 1 ? ` of line ${error.line} of the item` : ''}`;
  return { message: `Invalid JSON${where}`, issues: [] };
}

/** Decides one input; a failure becomes an error value (only a broken worker throws). */
function decideOne(input: unknown, settings: DecideOptions): ItemOutcome {
  try {
    return { decision: decide(input as DecisionInput, settings) };
  } catch (error) {
    if (isArrearsValidationError(error)) return { error: { message: error.message, issues: error.issues } };
    return { error: { message: `Unexpected error: ${error instanceof Error ? error.message : String(error)}`, issues: [] } };
  }
}

function parseItem(item: DecisionInput | string): { input: unknown } | { error: BatchItemError } {
  if (typeof item !== 'string') return { input: item };
  try {
    return { input: JSON.parse(item) as unknown };
  } catch {
    return { error: invalidJson(item) };
  }
}

/** Decides a task of inputs (objects, or JSON texts), in order. */
export function decideItems(task: ItemsTask): ItemOutcome[] {
  const settings = decideOptions();
  return task.map((item) => {
    const parsed = parseItem(item);
    return 'error' in parsed ? parsed : decideOne(parsed.input, settings);
  });
}

/** One line for a bad NDJSON line: the head and every issue with its path. */
function oneLine(error: BatchItemError): string {
  if (error.issues.length === 0) return error.message;
  const head = error.message.split('\n', 1)[0]!;
  return `${head}: ${error.issues.map((issue) => `${issue.message} at ${issue.path === '' ? '(root)' : issue.path}`).join('; ')}`;
}

const encoder = new TextEncoder();

/**
 * Decides a chunk of NDJSON: one input per line, blank lines skipped. The decisions come back as
 * NDJSON, one line per good input line, in order; bad lines as errors with their line number.
 */
export function decideLines(task: LinesTask): LinesResult {
  if (task.spare !== undefined) keepSpare(task.spare);
  const input = task.input;
  const result = decideChunk(Buffer.from(input.buffer, input.byteOffset, input.length));
  // The decisions go back as bytes, moved rather than copied: the feeding thread only writes them.
  // The input's buffer goes back too, for the feeding thread to read another chunk into.
  const value: LinesResult = { ...result, input: input.buffer as ArrayBuffer };
  return move({ [transferableSymbol]: [result.output.buffer, value.input], [valueSymbol]: value }) as unknown as LinesResult;
}

/** Output buffers written out by the feeding thread and sent back with later tasks (moved, never shared). */
const spares: ArrayBuffer[] = [];
const MAX_SPARES = 4;

function keepSpare(buffer: ArrayBuffer): void {
  if (spares.length < MAX_SPARES) spares.push(buffer);
}

const outputBuffer = (capacity: number): Uint8Array => new Uint8Array(takeBuffer(spares, capacity));

/**
 * The decisions of one chunk as UTF-8, written as they come: no list of strings, no joined copy.
 * Sized from the previous chunk's output, so that it rarely grows, and handed over as it is.
 */
let outputCapacity = 1 << 16;
class Output {
  bytes = outputBuffer(outputCapacity);
  length = 0;
  lines = 0;

  /** Appends `text` and a newline. */
  line(text: string): void {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    const needed = this.length + 3 * text.length + 1;
    if (needed > this.bytes.length) {
      const grown = outputBuffer(Math.max(needed, 2 * this.bytes.length));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    this.length += encoder.encodeInto(text, this.bytes.subarray(this.length)).written;
    this.bytes[this.length++] = NEWLINE;
    this.lines++;
  }

  /** The bytes written: a view of the buffer, which is moved to the feeding thread (never reused here). */
  done(): Uint8Array {
    // A new buffer gets room for a chunk a quarter larger than this one, so that it can be reused.
    outputCapacity = Math.max(1 << 16, Math.ceil(this.length * 1.25));
    return this.bytes.subarray(0, this.length);
  }
}

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;

/**
 * Decides the lines of a chunk. Each line is decoded from UTF-8 on its own: the chunk decoded
 * whole was a string of a quarter of a megabyte, which V8 allocates and frees outside its young
 * generation, every chunk (on the benchmark's VM decoding a portfolio whole took 13× as long as
 * decoding it line by line, nearly all of it page faults). Lines end at `\n` and a `\r` before it
 * is dropped. A byte-order mark at the start of any line is skipped (files concatenated from
 * tools that write one still read, whatever the chunk boundaries: the chunk decoded whole used to
 * skip one only at the start of a chunk). Malformed UTF-8 becomes U+FFFD, as in `TextDecoder`.
 */
function decideChunk(bytes: Buffer): Omit<LinesResult, 'input'> {
  const settings = decideOptions();
  const out = new Output();
  const errors: { line: number; message: string }[] = [];
  let lines = 0;
  for (let start = 0; start < bytes.length; ) {
    const newline = bytes.indexOf(NEWLINE, start);
    const end = newline === -1 ? bytes.length : newline;
    lines++;
    const line = withoutBom(bytes.toString('utf8', start, end > start && bytes[end - 1] === CARRIAGE_RETURN ? end - 1 : end));
    start = end + 1;
    if (line.trim() === '') continue;
    let input: unknown;
    try {
      input = JSON.parse(line) as unknown;
    } catch {
      errors.push({ line: lines, message: oneLine(invalidJson(line)) });
      continue;
    }
    const outcome = decideOne(input, settings);
    if ('error' in outcome) errors.push({ line: lines, message: oneLine(outcome.error) });
    else out.line(JSON.stringify(outcome.decision));
  }
  return { output: out.done(), lines, decided: out.lines, errors };
}
