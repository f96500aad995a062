import type { DecideOptions } from './decide.js';
import { decidePrepared } from './decide.js';
import type { Decision } from './domain/decision.js';
import type { DecisionInput } from './domain/input.js';
import { ArrearsValidationError } from './errors.js';
import { contactColumns } from './facts/derive-facts.js';
import { assertOptions } from './options.js';
import { prepare } from './prepare.js';
import { parseDecisionInput, type ParsedInput as ValidatedInput } from './validate/parse-input.js';

// Set by the class's static block, the only code that can read a ParsedInput's private state.
let decideWith: (parsed: unknown, options: DecideOptions) => Decision;

/**
 * A decision input validated and indexed once by {@link parseInput}, to decide with
 * {@link decideParsed} without validating or indexing it again. Opaque and immutable: only
 * `loanId` and `now` can be read. It belongs to the copy of `arrears` that made it (an input
 * parsed by the ESM build is not accepted by the CommonJS build) and cannot be sent to a
 * worker thread; send the raw input instead.
 * @category Decide
 */
export class ParsedInput {
  /** The loan's id. */
  readonly loanId: string;
  /** The input's `now`, as an ISO instant (UTC). */
  readonly now: string;
  readonly #input: ValidatedInput;
  readonly #prepared: ReturnType<typeof prepare>;

  /** @internal Made by {@link parseInput} only. */
  constructor(input: ValidatedInput, prepared: ReturnType<typeof prepare>) {
    this.loanId = input.loan.id;
    this.now = input.nowIso;
    this.#input = input;
    this.#prepared = prepared;
    Object.freeze(this);
  }

  static {
    decideWith = (parsed, options) => {
      if (!(typeof parsed === 'object' && parsed !== null && #input in parsed)) {
        throw new ArrearsValidationError('input', [
          { code: 'invalid_type', path: '', message: 'Expected the result of `parseInput(…)` from this copy of arrears; pass a raw input to `decide` instead' },
        ]);
      }
      return decidePrepared(parsed.#input, parsed.#prepared, options);
    };
  }
}

/**
 * Validates a decision input and indexes its history once, for deciding it later with
 * {@link decideParsed}: the entry for inputs decided more than once (the same portfolio under
 * two policies or two compliance sets, say) or parsed in one place and decided in another.
 * `decide(input, options)` and `decideParsed(parseInput(input), options)` always return the
 * same decision.
 * @param input - `now`, the loan with its borrower, and the history (any order; never mutated).
 * @returns An opaque, frozen {@link ParsedInput}; it shares no objects with `input`.
 * @throws {@link ArrearsValidationError} `INVALID_INPUT`, with the path of every issue, as `decide` would.
 * @example
 * ```ts
 * import { decideParsed, parseInput } from 'arrears';
 * const parsed = parseInput(input);
 * const today = decideParsed(parsed, { policy, compliance });
 * const proposed = decideParsed(parsed, { policy: candidatePolicy, compliance });
 * ```
 * @category Decide
 */
export function parseInput(input: DecisionInput): ParsedInput {
  const validated = parseDecisionInput(input);
  const prepared = prepare(validated);
  // Built now rather than on the first decision: the flat columns fact derivation reads.
  contactColumns(prepared.context.index.contacts, prepared.context.debtId);
  return new ParsedInput(validated, prepared);
}

/**
 * Decides an input already validated and indexed by {@link parseInput}: the same decision as
 * `decide` on the raw input, without validating or indexing the history again.
 * @param parsed - The result of {@link parseInput}.
 * @param options - {@link DecideOptions}: the loaded policy and compliance.
 * @returns A plain-JSON {@link Decision} with its trace.
 * @throws {@link ArrearsValidationError} `INVALID_OPTIONS`, or `INVALID_INPUT` when `parsed` did
 *   not come from `parseInput` of this copy of the library.
 * @example
 * ```ts
 * import { decideParsed, parseInput } from 'arrears';
 * const parsed = portfolio.map(parseInput);
 * const decisions = parsed.map((input) => decideParsed(input, { policy, compliance }));
 * ```
 * @category Decide
 */
export function decideParsed(parsed: ParsedInput, options: DecideOptions): Decision {
  assertOptions(options, true);
  return decideWith(parsed, options);
}
