import type { Issue } from '../errors.js';
import { ArrearsValidationError } from '../errors.js';
import { hashDocument } from '../_lib/hash.js';
import { safeParseWith } from '../validate/parse.js';
import { complianceDocumentSchema } from './compliance-schema.js';
import type { Addressee, ComplianceDocument, ComplianceRule } from './document.js';

/** Options of {@link loadCompliance}. @category Compliance */
export interface LoadComplianceOptions {
  /**
   * The roles the lender acts in. Rules whose `binds` names none of them are left out (and
   * listed in `excluded`); rules without `binds` always apply. Default: every rule applies.
   */
  roles?: readonly Addressee[] | undefined;
}

/** A compliance rule with the document it came from. @category Compliance */
export type LoadedRule = ComplianceRule & { readonly document: string };

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

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
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
    const result = safeParseWith(complianceDocumentSchema(), document, prefixed ? [i] : []);
    if (result.success) parsed.push(result.data as ComplianceDocument);
    else issues.push(...result.issues);
  });
  const roles = options?.roles;
  if (roles !== undefined) {
    if (!Array.isArray(roles) || roles.length === 0 || roles.some((role) => !(ROLES as readonly string[]).includes(role))) {
      issues.push({ code: 'invalid_value', path: 'options.roles', message: `Expected a non-empty list of roles: ${ROLES.map((r) => `"${r}"`).join(', ')}` });
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
      else rules.push({ ...rule, document: document.id });
    }
  }
  const hash = hashDocument({ documents: parsed, roles: roles ?? null });
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
