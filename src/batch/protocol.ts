/** What the thread that feeds the pool and the batch workers send each other. Plain data only (structured clone). */
import type { Compliance } from '../compliance/load-compliance.js';
import type { Decision } from '../domain/decision.js';
import type { DecisionInput } from '../domain/input.js';
import type { Issue } from '../errors.js';
import type { PolicyRule } from '../policy/load-policy.js';

/** What each worker loads once: the policy's rules (it compiles its own evaluator) and the loaded compliance. */
export interface WorkerSetup {
  readonly rules: readonly PolicyRule[];
  /** The policy's hash: the worker checks that its copy is the same policy. */
  readonly policyHash: string;
  readonly compliance: Compliance;
  readonly trace: 'summary' | 'full';
}

/**
 * Why one input got no decision. Messages never echo borrower data.
 * @category Batch
 */
export interface BatchItemError {
  /** `Invalid input (2 issues)`, `Invalid JSON: …`, or `Unexpected error: …`. */
  readonly message: string;
  /** The validation issues, each with its path; empty for JSON and unexpected errors. */
  readonly issues: readonly Issue[];
}

/** One item's outcome. */
export type ItemOutcome = { readonly decision: Decision } | { readonly error: BatchItemError };

/** A task of `decideItems`: inputs as objects, or as JSON texts parsed in the worker. */
export type ItemsTask = readonly (DecisionInput | string)[];

/**
 * A task of `decideLines`: a chunk of NDJSON, and maybe a buffer for the worker to write
 * decisions into again. Both are moved, never shared: each buffer has one owner at a time.
 */
export interface LinesTask {
  /** Whole lines of NDJSON, as UTF-8. */
  readonly input: Uint8Array;
  /** An earlier task's output buffer, written out by the feeding thread: the worker may fill it again. */
  readonly spare?: ArrayBuffer | undefined;
}

/** What `decideLines` returns for a chunk of NDJSON. */
export interface LinesResult {
  /** One decision per good line, in order, each followed by `\n`, as UTF-8 (moved, not copied, to the feeding thread). */
  readonly output: Uint8Array;
  /** The task's input buffer, handed back for the feeding thread to read the next chunk into. */
  readonly input: ArrayBuffer;
  /** Lines in the chunk, blank ones included (a final line without `\n` counts). */
  readonly lines: number;
  readonly decided: number;
  /** Bad lines: 1-based line numbers within the chunk, with a one-line message. */
  readonly errors: readonly { readonly line: number; readonly message: string }[];
}
