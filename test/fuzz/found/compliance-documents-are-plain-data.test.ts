import { describe, expect, it } from 'vitest';
import { isArrearsValidationError, loadCompliance, validateCompliance } from '../../../src/index.js';
import { presets } from '../../../src/presets/index.js';

// Found by the document fuzzer: zod reads inherited properties, so a compliance rule given as a
// class instance or as `Object.create(rule)` loads with fields its JSON text does not have (the
// document an auditor sees has no such rule). Decision inputs are checked for plain data first
// (src/validate/plain-data.ts); compliance documents are not yet. Fix (one argument): in
// validateCompliance, `safeParseWith(complianceDocumentSchema(), document, prefix, {})`.
class Rule {
  constructor(fields: object) {
    Object.assign(this, fields);
  }
}

const issuesOf = (documents: unknown): string[] => {
  try {
    loadCompliance(documents);
  } catch (error) {
    if (isArrearsValidationError(error)) return error.issues.map((issue) => `${issue.code} ${issue.path}`);
    throw error;
  }
  return [];
};

describe('compliance documents are plain data', () => {
  const [first, ...rest] = presets.cn.rules;

  it('refuses a rule that inherits its fields', () => {
    const document = { ...presets.cn, rules: [Object.create(first!) as object, ...rest] };
    expect(JSON.parse(JSON.stringify(document.rules[0]))).toEqual({});
    expect(issuesOf(document)).toEqual(['invalid_type rules[0]']);
  });

  it('refuses a rule that is a class instance', () => {
    expect(issuesOf({ ...presets.cn, rules: [new Rule(first!), ...rest] })).toEqual(['invalid_type rules[0]']);
  });

  it('accepts the same rules as plain data', () => {
    expect(validateCompliance(JSON.parse(JSON.stringify(presets.cn))).success).toBe(true);
  });
});
