import type * as z from 'zod/mini';
// English alone: `zod/locales` would load every locale.
import en from 'zod/v4/locales/en.js';
import { ArrearsValidationError, type Issue, type ValidatedDocument } from '../errors.js';
import { formatPath } from '../_lib/format-path.js';
import { plainDataIssues, type PlainDataOptions } from './plain-data.js';

type ZodIssue = z.core.$ZodIssue;

/** Builds a value once, on first use: schemas are never constructed at import time. */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

let english: z.core.$ZodErrorMap | undefined;

function mapIssue(issue: ZodIssue, prefix: readonly PropertyKey[]): Issue[] {
  // A union that failed on every branch: report the branches' issues when there is one clear branch.
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const best = issue.errors.reduce((a, b) => (b.length < a.length ? b : a));
    return best.flatMap((inner) => mapIssue(inner, [...prefix, ...issue.path]));
  }
  return [{ code: issue.code, path: formatPath([...prefix, ...issue.path]), message: issue.message }];
}

/** Maps zod issues to ours: zod's code and English message, a dotted path, nothing else (no input values). */
export function toIssues(issues: readonly ZodIssue[], prefix: readonly PropertyKey[] = []): Issue[] {
  return issues.flatMap((issue) => mapIssue(issue, prefix));
}

/**
 * Parses `data` with `schema`, or returns the issues. Never throws for bad data.
 * @param plain - When given, `data` must first be plain JSON data (`plainDataIssues`, with these
 *   options): zod reads inherited properties and drops `__proto__` keys of records. Pass it for
 *   data straight from the caller; data already copied into plain objects needs no second walk.
 */
export function safeParseWith<T>(
  schema: z.ZodMiniType<T>,
  data: unknown,
  prefix: readonly PropertyKey[] = [],
  plain?: PlainDataOptions,
): { success: true; data: T } | { success: false; issues: Issue[] } {
  if (plain !== undefined) {
    const notPlain = plainDataIssues(data, prefix, plain);
    if (notPlain.length > 0) return { success: false, issues: notPlain };
  }
  english ??= en().localeError;
  let result: ReturnType<typeof schema.safeParse>;
  try {
    result = schema.safeParse(data, { error: english, reportInput: false });
  } catch {
    // Pathological input (getters that throw, cycles): reject rather than crash.
    return { success: false, issues: [{ code: 'invalid_type', path: formatPath(prefix), message: 'Expected plain JSON data' }] };
  }
  return result.success ? { success: true, data: result.data } : { success: false, issues: toIssues(result.error.issues, prefix) };
}

/** Parses `data` with `schema` or throws an {@link ArrearsValidationError} listing every issue. */
export function parseWith<T>(schema: z.ZodMiniType<T>, data: unknown, document: ValidatedDocument): T {
  const result = safeParseWith(schema, data);
  if (!result.success) throw new ArrearsValidationError(document, result.issues);
  return result.data;
}
