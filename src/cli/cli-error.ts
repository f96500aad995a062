import { isArrearsValidationError } from '../index.js';

/**
 * An expected failure of the CLI: printed without a stack trace. `exitCode` 1 is a usage
 * problem (followed by a hint to run `--help`), 2 an invalid input or document (the message
 * already lists every issue).
 */
export class CliError extends Error {
  override name = 'CliError';
  readonly exitCode: 1 | 2;
  /** The command whose `--help` the hint points to; absent = the global help. */
  readonly command: string | undefined;

  constructor(message: string, exitCode: 1 | 2, command?: string) {
    super(message);
    this.exitCode = exitCode;
    this.command = command;
  }
}

/** A usage error: exit status 1 and a hint to run `--help`. */
export function usageError(message: string, command?: string): CliError {
  return new CliError(message, 1, command);
}

/** An invalid input or document: exit status 2; `message` is printed as is. */
export function invalidDocument(message: string): CliError {
  return new CliError(message, 2);
}

/** Runs `fn`; an `ArrearsValidationError` becomes exit status 2, its message prefixed by `label` (the file). */
export function about<T>(label: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (isArrearsValidationError(error)) throw invalidDocument(`${label}: ${error.message}`);
    throw error;
  }
}
