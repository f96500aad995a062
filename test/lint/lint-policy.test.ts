import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCompliance, validatePolicy } from '../../src/index.js';
import { formatLintResult, lintPolicy } from '../../src/lint/index.js';
import { presets } from '../../src/presets/index.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as unknown;

type Leaf = { fact: string; operator: string; value: unknown };
const leaf = (fact: string, operator: string, value: unknown): Leaf => ({ fact, operator, value });
const rule = (name: string, conditions: object, action = 'sms', rank = 10) => ({ name, conditions, event: { type: 'candidate', params: { action, rank } } });
const hold = (name: string, conditions: object, rank: number) => ({ name, conditions, event: { type: 'hold', params: { rank } } });
const band = (from: number, to?: number): Leaf[] => [leaf('daysPastDue', 'greaterThanInclusive', from), ...(to === undefined ? [] : [leaf('daysPastDue', 'lessThanInclusive', to)])];
const lint = (rules: object[], options = {}) => lintPolicy({ rules }, options).diagnostics;

describe('lintPolicy', () => {
  it('finds nothing wrong with the bundled policy and the test ladder', () => {
    expect(lintPolicy(read('rules/policies/default.json'), { compliance: loadCompliance([presets.cn, presets['us-federal']]) })).toEqual({ diagnostics: [], errorCount: 0, warningCount: 0 });
    expect(lintPolicy(read('test/fixtures/policy/ladder.json')).diagnostics).toEqual([]);
  });

  it('reports a typo with the fix, as an error with its path', () => {
    expect(formatLintResult(lintPolicy(read('test/fixtures/policy/error-typos.json')), 'error-typos.json')).toMatchInlineSnapshot(`
      "error-typos.json
        error  rules[0].conditions.all[0].fact      Unknown fact "dayPastDue" (did you mean "daysPastDue"?)  unknown_fact
        error  rules[0].conditions.all[1].operator  Unknown operator "greaterThen" (did you mean "greaterThan"?)  unknown_operator
        error  rules[0].conditions.all[2].value     Expected a number to compare "daysPastDue" with, found a string  invalid_fact_type
        error  rules[0].event.params.action         Unknown action "phone"; actions are sms, email, call, visit, letter, legal, agency, hardship_plan  unknown_action
        error  rules[1].name                        Duplicate rule name "early-call" (also rules[0]); rule names must be unique  duplicate_rule_name
        error  rules[1].conditions.any[0].path      \`path\` is not supported: facts are flat values, read each by its name  unsupported_feature

      6 errors, 0 warnings
      "
    `);
  });

  it('has an error exactly when the policy does not load', () => {
    for (const document of [read('test/fixtures/policy/error-typos.json'), read('rules/policies/default.json'), { rules: [{ name: 'x' }] }, 42]) {
      expect(lintPolicy(document).errorCount > 0).toBe(!validatePolicy(document).success);
    }
  });

  it('names a missing rule name and an unknown action', () => {
    const nameless = { conditions: { all: [] }, event: { type: 'candidate', params: { action: 'cal', rank: 1 } } };
    expect(lintPolicy([nameless]).diagnostics).toMatchInlineSnapshot(`
      [
        {
          "code": "missing_rule_name",
          "message": "Rule has no \`name\`; every rule needs a unique name (decisions and traces cite it)",
          "path": "[0].name",
          "severity": "error",
        },
        {
          "code": "unknown_action",
          "message": "Unknown action "cal" (did you mean "call"?); actions are sms, email, call, visit, letter, legal, agency, hardship_plan",
          "path": "[0].event.params.action",
          "severity": "error",
        },
      ]
    `);
  });

  it('warns about a rule that can never fire, at the condition that contradicts', () => {
    expect(lint([rule('inverted', { all: [...band(31), leaf('daysPastDue', 'lessThanInclusive', 7)] })])).toMatchInlineSnapshot(`
      [
        {
          "code": "unreachable_rule",
          "message": "Rule "inverted" can never fire: daysPastDue lessThanInclusive 7 contradicts daysPastDue greaterThanInclusive 31",
          "path": "rules[0].conditions.all[1]",
          "severity": "warning",
        },
      ]
    `);
    expect(lint([rule('negative', { all: [leaf('balance', 'lessThan', 0)] })])).toMatchInlineSnapshot(`
      [
        {
          "code": "unreachable_rule",
          "message": "Rule "negative" can never fire: balance lessThan 0 never holds",
          "path": "rules[0].conditions.all[0]",
          "severity": "warning",
        },
      ]
    `);
    expect(lint([rule('between-days', { all: [leaf('daysPastDue', 'greaterThan', 7), leaf('daysPastDue', 'lessThan', 8)] })])).toMatchInlineSnapshot(`
      [
        {
          "code": "unreachable_rule",
          "message": "Rule "between-days" can never fire: daysPastDue lessThan 8 contradicts daysPastDue greaterThan 7",
          "path": "rules[0].conditions.all[1]",
          "severity": "warning",
        },
      ]
    `);
    expect(lint([rule('no-branch', { any: [{ all: [leaf('activePromise', 'equal', true), leaf('activePromise', 'equal', false)] }, { not: { all: [] } }] })])).toMatchInlineSnapshot(`
      [
        {
          "code": "unreachable_rule",
          "message": "Rule "no-branch" can never fire: activePromise equal false contradicts activePromise equal true",
          "path": "rules[0].conditions.any[0].all[1]",
          "severity": "warning",
        },
      ]
    `);
  });

  it('reads `not`, `any`, null and lists as json-rules-engine does', () => {
    const satisfiable = [
      { all: [{ not: leaf('hoursSinceLastSms', 'lessThan', 48) }, leaf('hoursSinceLastSms', 'equal', null)] }, // null is not < 48
      { all: [leaf('product', 'in', ['auto', 'card']), { not: leaf('product', 'equal', 'auto') }] },
      { any: [] },
      { all: [leaf('attributes.segment', 'greaterThan', 3), leaf('attributes.segment', 'lessThan', 4)] },
    ];
    for (const conditions of satisfiable) expect(lint([rule('r', conditions)]).filter((d) => d.code === 'unreachable_rule')).toEqual([]);
    const impossible = [
      { all: [leaf('hoursSinceLastSms', 'equal', null), leaf('hoursSinceLastSms', 'greaterThan', 1)] },
      { all: [leaf('product', 'in', ['auto']), leaf('product', 'notIn', ['auto', 'card'])] },
      { not: { any: [] } },
    ];
    for (const conditions of impossible) expect(lint([rule('r', conditions)]).map((d) => d.code)).toContain('unreachable_rule');
  });

  it('warns about a rule shadowed by a preferred rule with a weaker condition', () => {
    const weak = rule('sms-1-7', { all: band(1, 7) }, 'sms', 40);
    const strong = rule('sms-2-7-large', { all: [...band(2, 7), leaf('balance', 'greaterThan', 5000)] }, 'sms', 45);
    expect(lint([weak, strong])).toMatchInlineSnapshot(`
      [
        {
          "code": "shadowed_rule",
          "message": "Rule "sms-2-7-large" never decides: whenever it fires, "sms-1-7" (rank 40) fires too, proposes the same sms and is preferred",
          "path": "rules[1]",
          "severity": "warning",
        },
        {
          "code": "dpd_gap",
          "message": "No candidate rule can fire at days past due 8 and over: loans there get no action",
          "path": "rules",
          "severity": "warning",
        },
      ]
    `);
    // Not shadowed: another action, another purpose, recipient or contact person, a worse rank, or a stronger condition.
    for (const other of [{ recipient: 'third_party' }, { recipient: 'third_party', contactId: 'mother' }, { address: '+15551234567' }]) {
      const third = { ...strong, event: { type: 'candidate', params: { action: 'sms', rank: 45, ...other } } };
      expect(lint([{ ...weak, event: { type: 'candidate', params: { action: 'sms', rank: 40, recipient: 'third_party' } } }, third]).filter((d) => d.code === 'shadowed_rule').length).toBe(
        other.contactId === undefined && other.address === undefined ? 1 : 0,
      );
    }
    expect(lint([weak, { ...strong, event: { type: 'candidate', params: { action: 'email', rank: 45 } } }]).filter((d) => d.code === 'shadowed_rule')).toEqual([]);
    expect(lint([weak, { ...strong, event: { type: 'candidate', params: { action: 'sms', rank: 45, purpose: 'statutory_notice' } } }]).filter((d) => d.code === 'shadowed_rule')).toEqual([]);
    expect(lint([rule('sms-1-7', { all: band(1, 7) }, 'sms', 50), strong]).filter((d) => d.code === 'shadowed_rule')).toEqual([]);
    expect(lint([rule('late', { all: band(3, 7) }, 'sms', 40), strong]).filter((d) => d.code === 'shadowed_rule')).toEqual([]);
  });

  it('warns about a candidate that a hold always holds', () => {
    expect(lint([hold('hold-everything', { all: [] }, 5), rule('call', { all: band(1) }, 'call', 20)])).toMatchInlineSnapshot(`
      [
        {
          "code": "shadowed_rule",
          "message": "Rule "call" is never proposed: whenever it fires, hold "hold-everything" (rank 5) fires too and holds every candidate ranked 5 or higher",
          "path": "rules[1]",
          "severity": "warning",
        },
      ]
    `);
  });

  it('warns about gaps and overlaps in days-past-due coverage', () => {
    expect(formatLintResult(lintPolicy(read('test/fixtures/toolkit/policy-with-warnings.json')), 'policy-with-warnings.json')).toMatchInlineSnapshot(`
      "policy-with-warnings.json
        warning  rules[1]                    Rule "sms-1-7-high-balance" never decides: whenever it fires, "sms-1-7" (rank 40) fires too, proposes the same sms and is preferred  shadowed_rule
        warning  rules[4].conditions.all[1]  Rule "visit-inverted-band" can never fire: daysPastDue lessThan 61 contradicts daysPastDue greaterThanInclusive 90  unreachable_rule
        warning  rules                       No candidate rule can fire at days past due 32–60: loans there get no action  dpd_gap
        warning  rules[3]                    Rules "call-8-30" (days past due 8–30) and "call-late-stage" (30–31) both propose call at days past due 30  dpd_overlap

      0 errors, 4 warnings
      "
    `);
    expect(lint([rule('sms-1-30', { all: band(1, 30) }), rule('sms-8-60', { all: band(8, 60) }, 'sms', 11)]).map((d) => d.message)).toMatchInlineSnapshot(`
      [
        "No candidate rule can fire at days past due 61 and over: loans there get no action",
        "Rules "sms-1-30" (days past due 1–30) and "sms-8-60" (8–60) both propose sms at days past due 8–30",
      ]
    `);
  });

  it('does not call nested bands an overlap, nor bands that cannot fire together', () => {
    const rules = [
      rule('sms-1-30', { all: band(1) }, 'sms', 30),
      rule('sms-8-30-after-calls', { all: [...band(8, 30), leaf('consecutiveUnansweredCalls', 'greaterThanInclusive', 3)] }, 'sms', 25),
      rule('call-8-30', { all: [...band(8, 30), leaf('activePromise', 'equal', false)] }, 'call', 20),
      rule('call-30-90-promise', { all: [...band(30, 90), leaf('activePromise', 'equal', true)] }, 'call', 20),
    ];
    expect(lint(rules)).toEqual([]);
  });

  it('warns about actions the compliance can never permit', () => {
    const house = {
      id: 'house',
      title: 'House rules',
      jurisdiction: 'US',
      version: '2026-01-01',
      rules: [
        { id: 'house-no-letters', kind: 'cap', citation: 'House rule 1', summary: 'No letters.', confidence: 'H', actions: ['letter'], max: 0, period: { type: 'rolling', hours: 24 }, scope: 'debt', counts: { channels: ['letter'] } },
        { id: 'house-early-calls', kind: 'window', citation: 'House rule 2', summary: 'Calls before 07:30.', confidence: 'H', actions: ['call'], windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '06:00', end: '07:30' }] },
      ],
    };
    const compliance = loadCompliance([presets['us-federal'], house]);
    const rules = [rule('call', { all: band(1) }, 'call', 20), rule('letter', { all: band(1) }, 'letter', 30), rule('sms', { all: band(1) }, 'sms', 40)];
    expect(lint(rules, { compliance }).map((d) => `${d.code} ${d.path}: ${d.message}`)).toMatchInlineSnapshot(`
      [
        "never_permitted rules[0].event.params.action: Rule "call" proposes call, which us-federal + house never permits: the windows "us-fdcpa-convenient-hours", "house-early-calls" leave no time open on any day",
        "never_permitted rules[1].event.params.action: Rule "letter" proposes letter, which us-federal + house never permits: cap "house-no-letters" allows none",
      ]
    `);
    expect(lint(rules, { compliance: loadCompliance(presets['us-federal']) })).toEqual([]);
  });

  it('lints a bare array of rules and never throws', () => {
    expect(lintPolicy([rule('a', { all: [leaf('dayPastDue', 'equal', 1)] })]).diagnostics.map((d) => d.path)).toEqual(['[0].conditions.all[0].fact']);
    for (const document of [null, 'policy', { rules: 'x' }, { rules: [null] }]) expect(lintPolicy(document).errorCount).toBeGreaterThan(0);
  });

  it('formats a clean result in one line', () => {
    expect(formatLintResult(lintPolicy({ rules: [] }), 'empty.json')).toBe('empty.json: no problems found\n');
  });
});
