import { readFileSync } from 'node:fs';
import { ArrearsValidationError, isArrearsValidationError } from '../index.js';
import type { Compliance, DecisionInput } from '../index.js';
import { formatPath } from '../_lib/format-path.js';
import { invalidDocument, usageError } from './cli-error.js';
import { readJson, sourceLabel } from './read-json.js';
import { loadResolvedCompliance, readCompliance, type ComplianceOptions } from './resolve-compliance.js';

/** One loan of a portfolio file: its decision input, its own compliance (preset ids or files) and where it is in the file. */
export interface PortfolioEntry {
  input: DecisionInput;
  compliance: readonly string[];
  path: string;
}

/** A portfolio file, read: the loans and the file's top-level `now`, if any. */
export interface Portfolio {
  entries: PortfolioEntry[];
  now: string | undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function entryOf(item: unknown, path: PropertyKey[], label: string): PortfolioEntry {
  if (isRecord(item) && isRecord(item['input'])) {
    const own = item['compliance'];
    if (own !== undefined && !(Array.isArray(own) && own.every((value) => typeof value === 'string'))) {
      throw invalidDocument(`${label}: Invalid portfolio (1 issue)\n✖ Expected \`compliance\` to be a list of preset ids or files\n  → at ${formatPath([...path, 'compliance'])}`);
    }
    return { input: item['input'] as unknown as DecisionInput, compliance: (own as string[] | undefined) ?? [], path: formatPath([...path, 'input']) };
  }
  if (isRecord(item) && 'loan' in item) return { input: item as unknown as DecisionInput, compliance: [], path: formatPath(path) };
  throw invalidDocument(`${label}: Invalid portfolio (1 issue)\n✖ Expected a decision input \`{ now, loan, history }\` or \`{ input, compliance }\`\n  → at ${formatPath(path) || '(root)'}`);
}

/**
 * Reads a portfolio: a JSON array of decision inputs, `{ "now": …, "loans": [ … ] }` (the shape of
 * `examples/data/portfolio.json`, entries `{ input, compliance }` or inputs), or JSON Lines (one
 * input or entry per line, for `.jsonl` and `.ndjson` files).
 */
export async function readPortfolio(path: string, command: string): Promise<Portfolio> {
  const label = sourceLabel(path);
  if (/\.(?:jsonl|ndjson)$/i.test(path)) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw usageError(`cannot read portfolio file "${path}"`, command);
    }
    const entries: PortfolioEntry[] = [];
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      let item: unknown;
      try {
        item = JSON.parse(line) as unknown;
      } catch {
        throw invalidDocument(`${label}: Invalid JSON on line ${i + 1}`);
      }
      entries.push({ ...entryOf(item, [], label), path: `line ${i + 1}` });
    });
    return { entries, now: undefined };
  }
  const document = await readJson(path, 'portfolio file', command);
  if (Array.isArray(document)) return { entries: document.map((item: unknown, i) => entryOf(item, [i], label)), now: undefined };
  if (isRecord(document) && Array.isArray(document['loans'])) {
    const now = typeof document['now'] === 'string' ? document['now'] : undefined;
    return { entries: (document['loans'] as unknown[]).map((item, i) => entryOf(item, ['loans', i], label)), now };
  }
  throw invalidDocument(`${label}: Invalid portfolio (1 issue)\n✖ Expected an array of decision inputs or an object with \`loans\`\n  → at (root)`);
}

/**
 * The compliance of every entry: the entry's own presets or files, then the `--compliance`
 * values (overlays compose, the stricter rule wins), with the lender's roles and exceptions and
 * the holiday calendars for the year of `now` (each entry's own, unless `options.now` is given).
 * Each combination is loaded once.
 */
export async function complianceForEntries(
  entries: readonly PortfolioEntry[],
  values: readonly string[],
  command: string,
  options: Omit<ComplianceOptions, 'now'> & { now?: string | undefined } = {},
): Promise<Compliance[]> {
  const loaded = new Map<string, Compliance>();
  const result: Compliance[] = [];
  for (const entry of entries) {
    const combined = [...new Set([...entry.compliance, ...values])];
    const now = options.now ?? entry.input.now;
    const year = typeof now === 'string' || typeof now === 'number' ? new Date(now).getUTCFullYear() : Number.NaN;
    const key = `${combined.join('\u0000')}\u0000${year}`;
    let compliance = loaded.get(key);
    if (compliance === undefined) {
      compliance = loadResolvedCompliance(await readCompliance(combined, command), { roles: options.roles, exceptions: options.exceptions, now }, command);
      loaded.set(key, compliance);
    }
    result.push(compliance);
  }
  return result;
}

/** Runs `fn`; a validation error about loan `[i]` is reported at the loan's place in the portfolio file (exit status 2). */
export function aboutPortfolio<T>(label: string, entries: readonly PortfolioEntry[], fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (!isArrearsValidationError(error)) throw error;
    const issues = error.issues.map((issue) => {
      const match = /^\[(\d+)\]\.?(.*)$/.exec(issue.path);
      const entry = match === null ? undefined : entries[Number(match[1])];
      if (match === null || entry === undefined) return issue;
      const rest = match[2]!;
      const path =
        entry.path === '' ? rest : rest === '' ? entry.path : entry.path.startsWith('line ') ? `${entry.path}: ${rest}` : rest.startsWith('[') ? `${entry.path}${rest}` : `${entry.path}.${rest}`;
      return { ...issue, path };
    });
    throw invalidDocument(`${label}: ${new ArrearsValidationError(error.document, issues).message}`);
  }
}
