/** Error codes: a closed union. @category Errors */
export type ArrearsErrorCode = 'INVALID_INPUT' | 'INVALID_POLICY' | 'INVALID_COMPLIANCE' | 'INVALID_OPTIONS';

/** Which document a validation error is about. @category Errors */
export type ValidatedDocument = 'input' | 'policy' | 'compliance' | 'options';

/**
 * One problem found in a document: zod's issue codes plus ours (`unknown_fact`,
 * `unknown_operator`, `duplicate_rule_name`…). `path` is dotted: `loan.borrower.statuses[0].from`.
 * Messages say what was expected and never echo borrower data.
 * @category Errors
 */
export interface Issue {
  code: string;
  path: string;
  message: string;
}

const BRAND = Symbol.for('arrears.error');

/**
 * Base class of every error `arrears` throws. Domain outcomes (blocked, deferred, nothing
 * permitted) are never errors: they are values in the decision.
 * @category Errors
 */
export class ArrearsError extends Error {
  override name = 'ArrearsError';
  readonly code: ArrearsErrorCode;
  readonly [BRAND] = true;

  constructor(code: ArrearsErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

const CODES: Record<ValidatedDocument, ArrearsErrorCode> = {
  input: 'INVALID_INPUT',
  policy: 'INVALID_POLICY',
  compliance: 'INVALID_COMPLIANCE',
  options: 'INVALID_OPTIONS',
};

const TITLES: Record<ValidatedDocument, string> = {
  input: 'Invalid input',
  policy: 'Invalid policy',
  compliance: 'Invalid compliance document',
  options: 'Invalid options',
};

/** Formats issues in zod's layout, one `✖ message` and `→ at path` pair per issue. */
export function formatIssues(document: ValidatedDocument, issues: readonly Issue[]): string {
  const head = `${TITLES[document]} (${issues.length} ${issues.length === 1 ? 'issue' : 'issues'})`;
  return [head, ...issues.map((issue) => `✖ ${issue.message}\n  → at ${issue.path === '' ? '(root)' : issue.path}`)].join('\n');
}

/**
 * A document failed validation. `issues` lists every problem found, each with its path.
 * Nothing else happened: no decision was made.
 * @category Errors
 */
export class ArrearsValidationError extends ArrearsError {
  override name = 'ArrearsValidationError';
  readonly document: ValidatedDocument;
  readonly issues: readonly Issue[];

  constructor(document: ValidatedDocument, issues: readonly Issue[], options?: { cause?: unknown }) {
    super(CODES[document], formatIssues(document, issues), options);
    this.document = document;
    this.issues = issues;
  }
}

/** True for any error thrown by `arrears`, across realms and bundled copies. @category Errors */
export function isArrearsError(error: unknown): error is ArrearsError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
}

/** True for an {@link ArrearsValidationError}, across realms and bundled copies. @category Errors */
export function isArrearsValidationError(error: unknown): error is ArrearsValidationError {
  return isArrearsError(error) && error.name === 'ArrearsValidationError' && Array.isArray((error as ArrearsValidationError).issues);
}
