import type { Issue } from '../errors.js';
import { ArrearsValidationError } from '../errors.js';
import { deepFreeze } from '../_lib/deep-freeze.js';
import { hashDocument } from '../_lib/hash.js';
import { safeParseWith } from '../validate/parse.js';
import { complianceDocumentSchema } from './compliance-schema.js';
import { isShippedPreset } from './shipped-presets.js';
import type { Addressee, ComplianceDocument, ComplianceRule } from './document.js';

/** Options of {@link loadCompliance}. @category Compliance */
export interface LoadComplianceOptions {
  /**
   * The roles the lender acts in. Rules whose `binds` names none of them are left out (and
   * listed in `excluded`); rules without `binds` always apply. Default: every rule applies.
   */
  roles?: readonly Addressee[] | undefined;
  /**
   * Holiday calendars named by window rules' `holidayCalendars`, by name: the local dates that
   * are holidays and the years they cover. `arrears/holidays` builds them from date-holidays.
   * A rule naming a calendar that is not supplied is an issue.
   */
  calendars?: Readonly<Record<string, HolidayCalendar>> | undefined;
  /** Ids of rules whose opt-in `exception` the lender enables (for example a days-past-due exception). */
  exceptions?: readonly string[] | undefined;
}

/** A holiday calendar: the holiday dates of the years it covers. @category Compliance */
export interface HolidayCalendar {
  /** Years the dates cover; a date in another year fails closed. */
  years: readonly number[];
  /** Local dates, `YYYY-MM-DD`. */
  dates: readonly string[];
}

/**
 * A compliance rule with the document it came from, its named holiday calendars resolved
 * (`calendarYears`: the years they cover) and whether its exception is enabled.
 * @category Compliance
 */
export type LoadedRule = ComplianceRule & {
  readonly document: string;
  readonly calendarYears?: readonly number[];
  readonly exceptionEnabled?: boolean;
};

/**
 * Loaded, validated compliance documents: every rule of every document applies, so when two
 * documents regulate the same thing the stricter rule wins. Immutable; share it freely.
 * @category Compliance
 */
export interface Compliance {
  /** sha256 of the documents and options, stamped on every decision. */
  readonly hash: string;
  readonly documents: readonly ComplianceDocument[];
  /** The rules that apply, in document order. */
  readonly rules: readonly LoadedRule[];
  /** Rule ids left out because they bind none of `roles`. */
  readonly excluded: readonly string[];
}

const ROLES = ['creditor', 'third_party_collector', 'licensed_agency', 'association_member'] as const;

function validateCalendars(calendars: unknown): Issue[] {
  if (typeof calendars !== 'object' || calendars === null || Array.isArray(calendars)) {
    return [{ code: 'invalid_type', path: 'options.calendars', message: 'Expected `calendars` to be an object of calendars by name' }];
  }
  const issues: Issue[] = [];
  for (const [name, calendar] of Object.entries(calendars)) {
    const ok =
      typeof calendar === 'object' &&
      calendar !== null &&
      Array.isArray((calendar as HolidayCalendar).years) &&
      (calendar as HolidayCalendar).years.every((y) => Number.isInteger(y)) &&
      Array.isArray((calendar as HolidayCalendar).dates) &&
      (calendar as HolidayCalendar).dates.every((d) => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d));
    if (!ok) issues.push({ code: 'invalid_type', path: `options.calendars.${name}`, message: 'Expected a calendar `{ years: number[], dates: "YYYY-MM-DD"[] }`' });
  }
  return issues;
}

function resolveRule(rule: ComplianceRule, document: string, calendars: Readonly<Record<string, HolidayCalendar>>, enabled: ReadonlySet<string>): LoadedRule {
  const exceptionEnabled = rule.exception !== undefined && (rule.exception.optIn === false || enabled.has(rule.id));
  const base: LoadedRule = rule.exception === undefined ? { ...rule, document } : { ...rule, document, exceptionEnabled };
  if (rule.kind !== 'window' || rule.holidayCalendars === undefined) return base;
  const named = rule.holidayCalendars.map((name) => calendars[name]!);
  const holidays = [...new Set([...(rule.holidays ?? []), ...named.flatMap((c) => c.dates)])].sort();
  // Only years every named calendar covers are known.
  const years = named.map((c) => new Set(c.years)).reduce((a, b) => new Set([...a].filter((y) => b.has(y))));
  return { ...rule, document, ...(rule.exception === undefined ? {} : { exceptionEnabled }), holidays, calendarYears: [...years].sort((a, b) => a - b) };
}

/**
 * Validates compliance documents without throwing.
 * @param documents - One compliance document or a list of them (overlays compose: stricter wins).
 * @returns The loaded compliance, or every issue found with its path.
 * @category Compliance
 */
export function validateCompliance(
  documents: unknown,
  options?: LoadComplianceOptions,
): { success: true; data: Compliance } | { success: false; issues: Issue[] } {
  const list = Array.isArray(documents) ? documents : [documents];
  const prefixed = Array.isArray(documents);
  const issues: Issue[] = [];
  if (list.length === 0) {
    issues.push({ code: 'too_small', path: '', message: 'Expected at least one compliance document: without one nothing could be checked' });
  }
  const parsed: ComplianceDocument[] = [];
  list.forEach((document, i) => {
    if (isShippedPreset(document)) {
      parsed.push(document as ComplianceDocument);
      return;
    }
    const result = safeParseWith(complianceDocumentSchema(), document, prefixed ? [i] : [], {});
    if (result.success) parsed.push(result.data as ComplianceDocument);
    else issues.push(...result.issues);
  });
  const roles = options?.roles;
  if (roles !== undefined) {
    if (!Array.isArray(roles) || roles.length === 0 || roles.some((role) => !(ROLES as readonly string[]).includes(role))) {
      issues.push({ code: 'invalid_value', path: 'options.roles', message: `Expected a non-empty list of roles: ${ROLES.map((r) => `"${r}"`).join(', ')}` });
    }
  }
  const calendars = options?.calendars ?? {};
  const calendarIssues = validateCalendars(calendars);
  issues.push(...calendarIssues);
  parsed.forEach((document, i) => {
    document.rules.forEach((rule, j) => {
      if (rule.kind !== 'window') return;
      (rule.holidayCalendars ?? []).forEach((name, k) => {
        if (!Object.hasOwn(calendars, name)) {
          issues.push({
            code: 'missing_calendar',
            path: `${prefixed ? `[${i}].` : ''}rules[${j}].holidayCalendars[${k}]`,
            message: `Holiday calendar "${name}" is not supplied: pass \`calendars: { ${name}: … }\` to \`loadCompliance\` (\`arrears/holidays\` builds one)`,
          });
        }
      });
    });
  });
  const enabled = new Set(options?.exceptions ?? []);
  for (const id of enabled) {
    if (!parsed.some((document) => document.rules.some((rule) => rule.id === id && rule.exception !== undefined))) {
      issues.push({ code: 'unknown_exception', path: 'options.exceptions', message: `No rule "${id}" with an \`exception\` in these documents` });
    }
  }
  const seen = new Map<string, string>();
  parsed.forEach((document, i) => {
    document.rules.forEach((rule, j) => {
      const where = seen.get(rule.id);
      if (where !== undefined) {
        issues.push({
          code: 'duplicate_rule_id',
          path: `${prefixed ? `[${i}].` : ''}rules[${j}].id`,
          message: `Duplicate rule id "${rule.id}" (also in ${where}); ids must be unique across composed documents`,
        });
      } else seen.set(rule.id, `"${document.id}"`);
    });
  });
  if (issues.length > 0) return { success: false, issues };

  const rules: LoadedRule[] = [];
  const excluded: string[] = [];
  for (const document of parsed) {
    for (const rule of document.rules) {
      if (roles !== undefined && rule.binds !== undefined && !rule.binds.some((role) => roles.includes(role))) excluded.push(rule.id);
      else rules.push(resolveRule(rule, document.id, calendars, enabled));
    }
  }
  // `$schema` is an editor hint, not content: it never changes the hash.
  const content = parsed.map(({ $schema: _schema, ...document }) => document);
  const hash = hashDocument({ documents: content, roles: roles ?? null, calendars: options?.calendars ?? null, exceptions: [...enabled].sort() });
  return { success: true, data: deepFreeze({ hash, documents: parsed, rules, excluded }) };
}

/**
 * Loads one compliance document or a list of them. Every rule of every document applies, so
 * overlays compose and the stricter rule wins.
 * @param documents - A compliance document (a preset from `arrears/presets` or your own) or a list.
 * @param options - {@link LoadComplianceOptions}.
 * @returns The loaded compliance, to pass to `decide` and `check`.
 * @throws {@link ArrearsValidationError} (`INVALID_COMPLIANCE`) listing every issue with its path.
 * @example
 * ```ts
 * import { loadCompliance } from 'arrears';
 * import { presets } from 'arrears/presets';
 * const compliance = loadCompliance([presets['us-federal'], houseRules], { roles: ['third_party_collector'] });
 * ```
 * @category Compliance
 */
export function loadCompliance(documents: unknown, options?: LoadComplianceOptions): Compliance {
  const result = validateCompliance(documents, options);
  if (!result.success) throw new ArrearsValidationError('compliance', result.issues);
  return result.data;
}
