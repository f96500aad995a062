/**
 * The batch worker (a piscina worker thread, built as `dist/batch-worker.js`): loads the policy
 * and the compliance once, then decides tasks of inputs or of NDJSON bytes. A bad item or line
 * never stops a task: it comes back as an error with its position, and no decision.
 */
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import { findJsonSyntaxError } from '../cli/find-json-syntax-error.js';
import { decide, type DecideOptions } from '../decide.js';
import type { DecisionInput } from '../domain/input.js';
import { ArrearsError, isArrearsValidationError } from '../errors.js';
import { loadPolicy } from '../policy/load-policy.js';
import type { BatchItemError, ItemOutcome, ItemsTask, LinesResult, WorkerSetup } from './protocol.js';

let options: DecideOptions | undefined;

/** The decide options, built on the first task from the pool's `workerData`. */
function decideOptions(): DecideOptions {
  if (options !== undefined) return options;
  const setup = workerData as WorkerSetup;
  const policy = loadPolicy(setup.rules);
  if (policy.hash !== setup.policyHash) throw new ArrearsError('INVALID_POLICY', 'The batch worker loaded a different policy than the one given');
  options = { policy, compliance: setup.compliance, trace: setup.trace };
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

const decoder = new TextDecoder('utf-8', { fatal: false });
const encoder = new TextEncoder();

/**
 * Decides a chunk of NDJSON: one input per line, blank lines skipped. The decisions come back as
 * NDJSON, one line per good input line, in order; bad lines as errors with their line number.
 */
export function decideLines(bytes: Uint8Array): LinesResult {
  const result = decideText(decoder.decode(bytes));
  // The decisions go back as bytes, moved rather than copied: the main thread only writes them.
  return move({ [transferableSymbol]: result.output.buffer, [valueSymbol]: result }) as unknown as LinesResult;
}

/**
 * The decisions of one chunk as UTF-8, written as they come: no list of strings, no joined copy.
 * Sized from the previous chunk's output, so that it rarely grows.
 */
let outputCapacity = 1 << 16;
class Output {
  bytes = new Uint8Array(outputCapacity);
  length = 0;
  lines = 0;

  /** Appends `text` and a newline. */
  line(text: string): void {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    const needed = this.length + 3 * text.length + 1;
    if (needed > this.bytes.length) {
      const grown = new Uint8Array(Math.max(needed, 2 * this.bytes.length));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    this.length += encoder.encodeInto(text, this.bytes.subarray(this.length)).written;
    this.bytes[this.length++] = 10;
    this.lines++;
  }

  /** The bytes written, in a buffer of their own (it is moved to the main thread). */
  done(): Uint8Array {
    outputCapacity = Math.max(1 << 16, this.bytes.length);
    return this.length === this.bytes.length ? this.bytes : this.bytes.slice(0, this.length);
  }
}

function decideText(text: string): LinesResult {
  const settings = decideOptions();
  const out = new Output();
  const errors: { line: number; message: string }[] = [];
  let lines = 0;
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    lines++;
    const line = text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
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
