import { describe, expect, it } from 'vitest';
import { ArrearsValidationError, isArrearsValidationError, loadCompliance, validateCompliance } from '../../src/index.js';
import { aDocument, rules } from '../helpers/builders.js';

describe('loadCompliance', () => {
  it('loads one document or a list, and every rule of every document applies', () => {
    const one = loadCompliance(aDocument([rules.window()]));
    expect(one.rules.map((r) => r.id)).toEqual(['test-window']);
    const two = loadCompliance([aDocument([rules.window()], 'base'), aDocument([rules.cap()], 'overlay')]);
    expect(two.rules.map((r) => [r.document, r.id])).toEqual([
      ['base', 'test-window'],
      ['overlay', 'test-cap'],
    ]);
  });

  it('hashes the documents stably, whatever the key order', () => {
    const a = loadCompliance(aDocument([rules.window()]));
    const reordered = JSON.parse(JSON.stringify(aDocument([rules.window()]), ['rules', 'kind', 'windows', 'days', 'start', 'end', 'id', 'citation', 'summary', 'confidence', 'title', 'jurisdiction', 'version']));
    expect(loadCompliance(reordered).hash).toBe(a.hash);
    expect(loadCompliance(aDocument([rules.window({ citation: 'Other' })])).hash).not.toBe(a.hash);
    expect(a.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('selects the rules that bind the given roles', () => {
    const document = aDocument([rules.window({ binds: ['third_party_collector'] }), rules.cap({ binds: ['creditor'] }), rules.status()]);
    const creditor = loadCompliance(document, { roles: ['creditor'] });
    expect(creditor.rules.map((r) => r.id)).toEqual(['test-cap', 'test-status']);
    expect(creditor.excluded).toEqual(['test-window']);
  });

  it('rejects a misspelt key instead of dropping it, with every issue and its path', () => {
    const bad = {
      ...aDocument([{ ...rules.status(), stauses: ['bankruptcy'] } as never, rules.window({ windows: [{ days: ['mon'], start: '21:00', end: '08:00' }] })]),
      version: '2026-13-01',
    };
    let error: unknown;
    try {
      loadCompliance(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ArrearsValidationError);
    expect(isArrearsValidationError(error)).toBe(true);
    expect((error as ArrearsValidationError).code).toBe('INVALID_COMPLIANCE');
    expect((error as Error).message).toMatchInlineSnapshot(`
      "Invalid compliance document (3 issues)
      ✖ Expected a calendar date as \`YYYY-MM-DD\`
        → at version
      ✖ Unrecognized key: "stauses"
        → at rules[0]
      ✖ Expected \`start\` to be before \`end\` (a span cannot cross midnight; split it in two)
        → at rules[1].windows[0].end"
    `);
  });

  it('rejects duplicate rule ids across composed documents and an empty list', () => {
    const result = validateCompliance([aDocument([rules.window()], 'a'), aDocument([rules.window()], 'b')]);
    expect(result).toMatchObject({ success: false, issues: [{ code: 'duplicate_rule_id', path: '[1].rules[0].id' }] });
    expect(validateCompliance([])).toMatchObject({ success: false, issues: [{ code: 'too_small' }] });
  });

  it('rejects an unknown rule kind, a missing citation and non-objects', () => {
    const result = validateCompliance(aDocument([{ ...rules.window(), kind: 'curfew' } as never, { ...rules.cap(), citation: undefined } as never]));
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues.map((i) => i.path)).toEqual(['rules[0].kind', 'rules[1].citation']);
    for (const junk of [null, 42, 'us-federal', [null]]) expect(validateCompliance(junk).success).toBe(false);
  });

  it('does not keep references to the caller’s objects', () => {
    const document = aDocument([rules.window()]);
    const compliance = loadCompliance(document);
    (document.rules[0] as { citation: string }).citation = 'changed';
    expect(compliance.rules[0]?.citation).toBe('Test citation 1');
    expect(Object.isFrozen(compliance.rules[0])).toBe(true);
  });
});

describe('loadCompliance hash', () => {
  it('ignores the `$schema` editor hint', () => {
    const plain = aDocument([rules.window()]);
    expect(loadCompliance({ ...plain, $schema: '../schema/compliance.schema.json' }).hash).toBe(loadCompliance(plain).hash);
  });
});
