import { existsSync } from 'node:fs';
import { ArrearsValidationError, isArrearsValidationError, loadCompliance, validateCompliance } from '../index.js';
import type { Addressee, Compliance, ComplianceDocument, HolidayCalendar, Issue } from '../index.js';
import { calendarNames } from '../holidays/calendar-names.js';
import type { holidayCalendar } from '../holidays/index.js';
import { presetIds, presets } from '../presets/index.js';
import { didYouMean } from '../_lib/nearest-name.js';
import { invalidDocument, usageError } from './cli-error.js';
import { readJson } from './read-json.js';

/** `presets: cn, us-federal`: the ids a `--compliance` value may name. */
export function presetList(): string {
  return `presets: ${presetIds.join(', ')}`;
}

/** The roles `--role` accepts. */
export const ROLES: readonly Addressee[] = ['creditor', 'third_party_collector', 'licensed_agency', 'association_member'];

const looksLikePath = (value: string) => /[\\/]/.test(value) || /\.json$/i.test(value);

/** The compliance documents named by `--compliance`, read and checked, not loaded yet. */
export interface ComplianceSources {
  documents: unknown[];
  /** The `--compliance` values, for messages. */
  sources: string[];
  /** The holiday calendars the documents' window rules name (`RU`, `US-MA`), sorted. */
  calendarNames: string[];
  /**
   * `arrears/holidays`' `holidayCalendar`, when a document names a holiday calendar. Only then
   * is date-holidays loaded: it takes a third of a second, which every command paid before.
   */
  holidayCalendar?: typeof holidayCalendar | undefined;
}

/** What `--role`, `--exception` and the input's `now` add when the documents are loaded. */
export interface ComplianceOptions {
  /** `--role` values: the lender's roles; rules binding none of them are left out. */
  roles?: readonly string[] | undefined;
  /** `--exception` values: ids of rules whose opt-in exception is enabled. */
  exceptions?: readonly string[] | undefined;
  /** The input's `now`: holiday calendars are built for its year, one before and two after. */
  now?: unknown;
}

/**
 * Reads the `--compliance` values: each is a preset id or the path of a JSON compliance document
 * (or of a list of them). A preset id wins over a file of the same name; write `./cn` for the
 * file. Each file is validated on its own, so that an issue names the file it is in; holiday
 * calendars are supplied later, when the input's `now` is known.
 */
export async function readCompliance(values: readonly string[], command: string): Promise<ComplianceSources> {
  if (values.length === 0) {
    throw usageError(`${command} needs at least one --compliance <preset-id|file>; ${presetList()}`, command);
  }
  const documents: unknown[] = [];
  const sources: string[] = [];
  for (const value of values) {
    if (Object.hasOwn(presets, value)) {
      documents.push(presets[value as keyof typeof presets]);
      sources.push(value);
      continue;
    }
    if (!existsSync(value) && !looksLikePath(value)) {
      throw usageError(`unknown compliance preset "${value}"${didYouMean(value, presetIds)}; ${presetList()}; or give the path of a JSON compliance document`, command);
    }
    const content = await readJson(value, 'compliance file', command);
    const result = validateCompliance(content);
    const issues = result.success ? [] : result.issues.filter((issue) => issue.code !== 'missing_calendar');
    if (issues.length > 0) throw invalidDocument(`${value}: ${new ArrearsValidationError('compliance', issues).message}`);
    documents.push(...(Array.isArray(content) ? (content as unknown[]) : [content]));
    sources.push(value);
  }
  const names = calendarNames(documents as ComplianceDocument[]);
  return { documents, sources, calendarNames: names, holidayCalendar: names.length > 0 ? (await import('../holidays/index.js')).holidayCalendar : undefined };
}

/** The year of `now` (an ISO string or epoch ms), one before and two after; none when it cannot be read. */
function yearsAround(now: unknown): number[] {
  const ms = typeof now === 'string' ? Date.parse(now) : typeof now === 'number' ? now : Number.NaN;
  const year = new Date(ms).getUTCFullYear();
  return Number.isNaN(year) ? [] : [year - 1, year, year + 1, year + 2];
}

/** Holiday calendars for every calendar the documents name, from date-holidays (`arrears/holidays`). */
function calendarsFor(resolved: ComplianceSources, now: unknown): Record<string, HolidayCalendar> {
  const { sources, calendarNames: names, holidayCalendar } = resolved;
  if (names.length === 0) return {};
  if (holidayCalendar === undefined) throw new Error('The holiday calendars were not loaded with the documents that name them');
  const years = yearsAround(now);
  const calendars: Record<string, HolidayCalendar> = {};
  for (const name of names) {
    const [country = '', state] = name.split('-');
    try {
      calendars[name] = holidayCalendar(country, { years, state });
    } catch (error) {
      if (isArrearsValidationError(error)) {
        throw invalidDocument(`--compliance ${sources.join(', ')}: holiday calendar "${name}" cannot be built: ${error.issues.map((issue) => issue.message).join('; ')}`);
      }
      throw error;
    }
  }
  return calendars;
}

/** An `--exception` naming no rule with an exception is a usage error; other issues are about the documents. */
const isExceptionIssue = (issue: Issue) => issue.path === 'options.exceptions';

/**
 * Loads the documents read by {@link readCompliance}, with the lender's roles, the exceptions it
 * enables, and the holiday calendars the documents name (built for the year of `now`).
 */
export function loadResolvedCompliance(resolved: ComplianceSources, options: ComplianceOptions, command: string): Compliance {
  const roles = options.roles ?? [];
  for (const role of roles) {
    if (!(ROLES as readonly string[]).includes(role)) throw usageError(`unknown role "${role}"${didYouMean(role, ROLES)}; roles: ${ROLES.join(', ')}`, command);
  }
  const exceptions = options.exceptions ?? [];
  const calendars = calendarsFor(resolved, options.now);
  try {
    return loadCompliance(resolved.documents, {
      ...(roles.length > 0 ? { roles: roles as Addressee[] } : {}),
      ...(exceptions.length > 0 ? { exceptions } : {}),
      ...(Object.keys(calendars).length > 0 ? { calendars } : {}),
    });
  } catch (error) {
    if (isArrearsValidationError(error)) {
      const unknown = error.issues.filter(isExceptionIssue);
      if (unknown.length > 0) throw usageError(unknown.map((issue) => `option "--exception": ${issue.message}`).join('; '), command);
      // Only the composition can fail here (a rule id in two documents); paths index the list.
      throw invalidDocument(`--compliance ${resolved.sources.join(', ')}: ${error.message}`);
    }
    throw error;
  }
}

/** {@link readCompliance} then {@link loadResolvedCompliance}: one loaded compliance from the `--compliance` values. */
export async function resolveCompliance(values: readonly string[], command: string, options: ComplianceOptions = {}): Promise<Compliance> {
  return loadResolvedCompliance(await readCompliance(values, command), options, command);
}
