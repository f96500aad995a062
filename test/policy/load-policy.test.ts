import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArrearsValidationError, isArrearsValidationError, type Issue } from '../../src/errors.js';
import { loadPolicy, validatePolicy, type Policy } from '../../src/policy/load-policy.js';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../fixtures/policy/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

const rule = (overrides: Record<string, unknown> = {}) => ({
  name: 'early-sms',
  conditions: { all: [{ fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 1 }] },
  event: { type: 'candidate', params: { action: 'sms', rank: 10 } },
  ...overrides,
});

/** A one-rule policy whose top-level `all` holds `leaves`. */
const withLeaves = (...leaves: unknown[]) => ({ rules: [rule({ conditions: { all: leaves } })] });

function issuesOf(document: unknown): Issue[] {
  const result = validatePolicy(document);
  if (result.success) throw new Error('Expected the policy to be rejected');
  return result.issues;
}

function errorOf(document: unknown): ArrearsValidationError {
  try {
    loadPolicy(document);
  } catch (error) {
    if (error instanceof ArrearsValidationError) return error;
    throw error;
  }
  throw new Error('Expected loadPolicy to throw');
}

describe('loadPolicy', () => {
  it('loads a valid policy with its rules, the facts it reads and a hash', () => {
    const policy = loadPolicy(fixture('ladder'));
    expect(policy.rules.map((r) => r.name)).toEqual(['hold-while-promise-active', 'early-sms', 'call-8-30', 'hardship-offer']);
    expect(policy.facts).toEqual([
      'daysPastDue',
      'product',
      'callAttempts24h',
      'hoursSinceLastSms',
      'activePromise',
      'onHardshipPlan',
      'attributes.incomeLoss',
      'attributes.maxCallsPerDay',
    ]);
    expect(policy.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(policy.rules[1]).toEqual((fixture('ladder')['rules'] as unknown[])[1]);
    expect(Object.keys(policy).sort()).toEqual(['evaluator', 'facts', 'hash', 'rules']);
  });

  it('hashes the rules stably: key order does not matter, values do', () => {
    const a = loadPolicy({ rules: [rule()] });
    const reordered = loadPolicy({
      rules: [
        {
          event: { params: { rank: 10, action: 'sms' }, type: 'candidate' },
          conditions: { all: [{ value: 1, operator: 'greaterThanInclusive', fact: 'daysPastDue' }] },
          name: 'early-sms',
        },
      ],
    });
    expect(reordered.hash).toBe(a.hash);
    expect(loadPolicy({ rules: [rule()] }).hash).toBe(a.hash);
    expect(loadPolicy({ rules: [rule({ event: { type: 'candidate', params: { action: 'sms', rank: 11 } } })] }).hash).not.toBe(a.hash);
    expect(loadPolicy({ rules: [rule({ name: 'early-sms-2' })] }).hash).not.toBe(a.hash);
    // Only the rules are hashed: the envelope's name and description are not.
    expect(loadPolicy({ name: 'x', description: 'y', $schema: 'z', rules: [rule()] }).hash).toBe(a.hash);
    expect(loadPolicy([rule()]).hash).toBe(a.hash);
  });

  it('accepts a bare array of rules, with paths relative to it', () => {
    expect(loadPolicy([rule()]).rules).toHaveLength(1);
    expect(issuesOf([rule({ name: '' })])).toEqual([{ code: 'too_small', path: '[0].name', message: 'Too small: expected string to have >=1 characters' }]);
  });

  it('accepts an empty list of rules', () => {
    expect(loadPolicy({ rules: [] })).toMatchObject({ rules: [], facts: [] });
  });

  it('reports every issue at once in an ArrearsValidationError for the policy', () => {
    const error = errorOf(fixture('error-typos'));
    expect(error).toBeInstanceOf(ArrearsValidationError);
    expect(isArrearsValidationError(error)).toBe(true);
    expect(error.document).toBe('policy');
    expect(error.code).toBe('INVALID_POLICY');
    expect(error.issues.map((issue) => issue.code)).toEqual([
      'unknown_fact',
      'unknown_operator',
      'invalid_fact_type',
      'invalid_value',
      'duplicate_rule_name',
      'unsupported_feature',
    ]);
    expect(error.message).toMatchInlineSnapshot(`
      "Invalid policy (6 issues)
      ✖ Unknown fact "dayPastDue" (did you mean "daysPastDue"?)
        → at rules[0].conditions.all[0].fact
      ✖ Unknown operator "greaterThen" (did you mean "greaterThan"?)
        → at rules[0].conditions.all[1].operator
      ✖ Expected a number to compare "daysPastDue" with, found a string
        → at rules[0].conditions.all[2].value
      ✖ Invalid option: expected one of "sms"|"email"|"call"|"visit"|"letter"|"legal"|"agency"|"hardship_plan"
        → at rules[0].event.params.action
      ✖ Duplicate rule name "early-call" (also rules[0]); rule names must be unique
        → at rules[1].name
      ✖ \`path\` is not supported: facts are flat values, read each by its name
        → at rules[1].conditions.any[0].path"
    `);
  });

  it('throws nothing but the validation error for non-object, null and odd inputs', () => {
    for (const document of [null, undefined, 42, 'rules', true, () => 1]) {
      expect(errorOf(document).issues).toHaveLength(1);
    }
    expect(issuesOf(null)).toEqual([{ code: 'invalid_type', path: '', message: 'Expected a policy: an object with `rules` or an array of rules, found null' }]);
    expect(issuesOf({})).toEqual([{ code: 'invalid_type', path: 'rules', message: 'Invalid input: expected array, received undefined' }]);
    expect(issuesOf({ rules: [null, 'x'] })).toEqual([
      { code: 'invalid_type', path: 'rules[0]', message: 'Expected a rule object with `name`, `conditions` and `event`, found null' },
      { code: 'invalid_type', path: 'rules[1]', message: 'Expected a rule object with `name`, `conditions` and `event`, found a string' },
    ]);
    const throwing = {
      get rules(): never {
        throw new Error('getter');
      },
    };
    expect(issuesOf(throwing)).toEqual([{ code: 'invalid_type', path: '', message: 'Expected plain JSON data' }]);
  });

  it('rejects hugely nested conditions and params with an issue instead of overflowing the stack', () => {
    let conditions: unknown = { fact: 'balance', operator: 'greaterThan', value: 0 };
    for (let i = 0; i < 100_000; i++) conditions = { not: conditions };
    let params: unknown = 1;
    for (let i = 0; i < 100_000; i++) params = [params];
    const issues = issuesOf([rule({ conditions, event: { type: 'hold', params: { rank: 1, nested: params } } })]);
    expect(issues.map(({ code, message }) => ({ code, message }))).toEqual([
      { code: 'too_deep', message: 'Conditions nest deeper than 64 levels' },
      { code: 'too_deep', message: 'Event params nest deeper than 64 levels' },
    ]);
    expect(issues[0]?.path).toMatch(/^\[0\]\.conditions(\.not){65}$/);
  });

  it('does not mutate its input, and later changes to the input do not reach the policy', () => {
    const document = fixture('ladder');
    // Condition priorities are where json-rules-engine writes into the objects it is given.
    (document['rules'] as Record<string, unknown>[]).push(
      rule({ name: 'with-priorities', conditions: { any: [{ fact: 'balance', operator: 'greaterThan', value: 10, priority: 2 }], priority: 3 } }),
    );
    const before = structuredClone(document);
    const policy = loadPolicy(document);
    expect(document).toEqual(before);

    const hash = policy.hash;
    const rules = document['rules'] as { name: string; event: { params: Record<string, unknown> } }[];
    rules[0]!.name = 'renamed';
    rules[1]!.event.params['rank'] = 999;
    rules.pop();
    expect(policy.rules.map((r) => r.name)).toContain('hold-while-promise-active');
    expect(policy.rules[1]?.event.params.rank).toBe(40);
    expect(policy.rules).toHaveLength(5);
    expect(policy.hash).toBe(hash);
  });

  it('reads each property of the input once, so getters cannot make it inconsistent', () => {
    let reads = 0;
    const ranks = [10, Number.NaN];
    const params = {
      action: 'sms',
      get rank() {
        return ranks[reads++];
      },
    };
    const policy = loadPolicy([rule({ event: { type: 'candidate', params } })]);
    expect(reads).toBe(1);
    expect(policy.rules[0]?.event.params.rank).toBe(10);
  });

  it('reports holes in arrays as missing values', () => {
    // eslint-disable-next-line no-sparse-arrays -- the hole is the point
    const sparse = [, rule()];
    expect(issuesOf(sparse)).toEqual([{ code: 'invalid_type', path: '[0]', message: 'Expected a rule object with `name`, `conditions` and `event`, found nothing' }]);
  });

  it('accepts a deep-frozen document', () => {
    const freeze = (value: unknown): unknown => {
      if (value !== null && typeof value === 'object') Object.values(value).forEach(freeze);
      return Object.freeze(value);
    };
    const document = freeze([rule({ conditions: { all: [{ fact: 'balance', operator: 'greaterThan', value: 10, priority: 2 }] } })]);
    expect(loadPolicy(document).rules).toHaveLength(1);
  });

  it('returns deep-frozen copies, never the caller objects', () => {
    const input = rule();
    const policy: Policy = loadPolicy([input]);
    expect(policy.rules[0]).not.toBe(input);
    expect(policy.rules[0]?.event).not.toBe(input.event);
    expect(Object.isFrozen(policy)).toBe(true);
    expect(Object.isFrozen(policy.rules)).toBe(true);
    expect(Object.isFrozen(policy.facts)).toBe(true);
    expect(Object.isFrozen(policy.rules[0]?.event.params)).toBe(true);
    expect(Object.isFrozen((policy.rules[0]?.conditions as { all: unknown[] }).all[0])).toBe(true);
  });

  it('keeps unknown event params unchanged', () => {
    const params = { action: 'letter', rank: 3, purpose: 'statutory_notice', template: 'demand', nested: { a: [1, 'b', null, true] } };
    expect(loadPolicy([rule({ event: { type: 'candidate', params } })]).rules[0]?.event.params).toEqual(params);
  });
});

describe('validatePolicy', () => {
  it('returns the policy on success', () => {
    const result = validatePolicy([rule()]);
    expect(result.success).toBe(true);
    if (result.success) expect(result.data.rules[0]?.name).toBe('early-sms');
  });

  it('reports an unknown fact with the nearest name', () => {
    expect(issuesOf(withLeaves({ fact: 'dayPastDue', operator: 'greaterThan', value: 1 }))).toEqual([
      { code: 'unknown_fact', path: 'rules[0].conditions.all[0].fact', message: 'Unknown fact "dayPastDue" (did you mean "daysPastDue"?)' },
    ]);
    expect(issuesOf(withLeaves({ fact: 'colour', operator: 'equal', value: 'red' }))).toEqual([
      { code: 'unknown_fact', path: 'rules[0].conditions.all[0].fact', message: 'Unknown fact "colour"' },
    ]);
    expect(issuesOf(withLeaves({ fact: 'attributes.', operator: 'equal', value: 'A' }))).toEqual([
      { code: 'unknown_fact', path: 'rules[0].conditions.all[0].fact', message: 'Unknown fact "attributes." (name the attribute: "attributes.<key>")' },
    ]);
  });

  it('reports an unknown fact in a fact reference', () => {
    expect(issuesOf(withLeaves({ fact: 'balance', operator: 'greaterThan', value: { fact: 'amountOverDue' } }))).toEqual([
      { code: 'unknown_fact', path: 'rules[0].conditions.all[0].value.fact', message: 'Unknown fact "amountOverDue" (did you mean "amountOverdue"?)' },
    ]);
  });

  it('reports an unknown operator with the nearest name', () => {
    expect(issuesOf(withLeaves({ fact: 'daysPastDue', operator: 'greaterThen', value: 1 }))).toEqual([
      { code: 'unknown_operator', path: 'rules[0].conditions.all[0].operator', message: 'Unknown operator "greaterThen" (did you mean "greaterThan"?)' },
    ]);
    expect(issuesOf(withLeaves({ fact: 'daysPastDue', operator: 'between', value: 1 }))).toEqual([
      { code: 'unknown_operator', path: 'rules[0].conditions.all[0].operator', message: 'Unknown operator "between"' },
    ]);
  });

  it('rejects operator decorators', () => {
    expect(issuesOf(withLeaves({ fact: 'daysPastDue', operator: 'not:equal', value: 1 }, { fact: 'product', operator: 'someFact:equal', value: 'auto' }))).toEqual([
      {
        code: 'unknown_operator',
        path: 'rules[0].conditions.all[0].operator',
        message: 'Unknown operator "not:equal": operator decorators are not supported (wrap the comparison in a `not` condition instead)',
      },
      { code: 'unknown_operator', path: 'rules[0].conditions.all[1].operator', message: 'Unknown operator "someFact:equal": operator decorators are not supported' },
    ]);
  });

  it('reports values of the wrong type for the fact', () => {
    expect(
      issuesOf(
        withLeaves(
          { fact: 'daysPastDue', operator: 'equal', value: 'ten' },
          { fact: 'daysPastDue', operator: 'notEqual', value: null },
          { fact: 'riskScore', operator: 'equal', value: null },
          { fact: 'activePromise', operator: 'equal', value: 'true' },
          { fact: 'product', operator: 'equal', value: ['auto'] },
          { fact: 'attributes.segment', operator: 'equal', value: 7 },
        ),
      ),
    ).toEqual([
      { code: 'invalid_fact_type', path: 'rules[0].conditions.all[0].value', message: 'Expected a number to compare "daysPastDue" with, found a string' },
      { code: 'invalid_fact_type', path: 'rules[0].conditions.all[1].value', message: 'Expected a number to compare "daysPastDue" with, found null' },
      { code: 'invalid_fact_type', path: 'rules[0].conditions.all[3].value', message: 'Expected a boolean to compare "activePromise" with, found a string' },
      { code: 'invalid_fact_type', path: 'rules[0].conditions.all[4].value', message: 'Operator "equal" compares with a single value, found an array (use "in")' },
    ]);
  });

  it('requires number facts and number values for numeric operators', () => {
    expect(
      issuesOf(
        withLeaves(
          { fact: 'product', operator: 'greaterThan', value: 3 },
          { fact: 'balance', operator: 'lessThan', value: '100' },
          { fact: 'balance', operator: 'lessThan', value: null },
          { fact: 'balance', operator: 'lessThan', value: { fact: 'currency' } },
          { fact: 'attributes.limit', operator: 'lessThanInclusive', value: { fact: 'balance' } },
        ),
      ),
    ).toEqual([
      { code: 'invalid_fact_type', path: 'rules[0].conditions.all[0].operator', message: 'Operator "greaterThan" compares numbers, but "product" is a string' },
      { code: 'invalid_fact_type', path: 'rules[0].conditions.all[1].value', message: 'Expected a number to compare "balance" with, found a string' },
      { code: 'invalid_fact_type', path: 'rules[0].conditions.all[2].value', message: 'Expected a number to compare "balance" with, found null' },
      { code: 'invalid_fact_type', path: 'rules[0].conditions.all[3].value.fact', message: 'Operator "lessThan" compares numbers, but "currency" is a string' },
    ]);
  });

  it('requires a list value for in and notIn, with items of the fact type', () => {
    expect(
      issuesOf(
        withLeaves(
          { fact: 'product', operator: 'in', value: 'auto' },
          { fact: 'daysPastDue', operator: 'notIn', value: [1, '2', null] },
          { fact: 'product', operator: 'in', value: { fact: 'currency' } },
        ),
      ),
    ).toEqual([
      { code: 'invalid_fact_type', path: 'rules[0].conditions.all[0].value', message: 'Operator "in" needs a list value, found a string' },
      { code: 'invalid_fact_type', path: 'rules[0].conditions.all[1].value[1]', message: 'Expected a number to compare "daysPastDue" with, found a string' },
      { code: 'invalid_fact_type', path: 'rules[0].conditions.all[1].value[2]', message: 'Expected a number to compare "daysPastDue" with, found null' },
      { code: 'invalid_fact_type', path: 'rules[0].conditions.all[2].value', message: 'Operator "in" needs a list value, found a fact reference (no fact is a list)' },
    ]);
  });

  it('rejects contains and doesNotContain: no fact is a list', () => {
    expect(issuesOf(withLeaves({ fact: 'product', operator: 'contains', value: 'a' }, { fact: 'attributes.tags', operator: 'doesNotContain', value: 'vip' }))).toEqual([
      {
        code: 'invalid_fact_type',
        path: 'rules[0].conditions.all[0].operator',
        message: 'Operator "contains" needs a list fact, but "product" is a string (no fact in the catalog is a list; use "in")',
      },
      {
        code: 'invalid_fact_type',
        path: 'rules[0].conditions.all[1].operator',
        message: 'Operator "doesNotContain" needs a list fact, but "attributes.tags" is a lender attribute (no fact in the catalog is a list; use "notIn")',
      },
    ]);
  });

  it('reports fact references of an incompatible type', () => {
    expect(issuesOf(withLeaves({ fact: 'balance', operator: 'equal', value: { fact: 'product' } }))).toEqual([
      { code: 'invalid_fact_type', path: 'rules[0].conditions.all[0].value.fact', message: 'Cannot compare "balance" (a number) with "product" (a string)' },
    ]);
    expect(validatePolicy(withLeaves({ fact: 'balance', operator: 'equal', value: { fact: 'attributes.limit' } })).success).toBe(true);
  });

  it('reports duplicate rule names at the later rule', () => {
    expect(issuesOf({ rules: [rule(), rule({ name: 'other' }), rule()] })).toEqual([
      { code: 'duplicate_rule_name', path: 'rules[2].name', message: 'Duplicate rule name "early-sms" (also rules[0]); rule names must be unique' },
    ]);
  });

  it('reports an unknown action with the list of actions', () => {
    expect(issuesOf([rule({ event: { type: 'candidate', params: { action: 'phone', rank: 1 } } })])).toEqual([
      {
        code: 'invalid_value',
        path: '[0].event.params.action',
        message: 'Invalid option: expected one of "sms"|"email"|"call"|"visit"|"letter"|"legal"|"agency"|"hardship_plan"',
      },
    ]);
  });

  it('checks event types, ranks, purposes and params', () => {
    expect(
      issuesOf([
        rule({ name: 'a', event: { type: 'success', params: { rank: 1 } } }),
        rule({ name: 'b', event: { type: 'hold' } }),
        rule({ name: 'c', event: { type: 'candidate', params: { action: 'sms', rank: '1', purpose: 'fun' } } }),
        rule({ name: 'd', event: { type: 'hold', params: { rank: 1, callback: () => 1 } } }),
        rule({ name: 'e', event: { type: 'hold', params: { rank: 1 }, extra: true } }),
      ]),
    ).toEqual([
      { code: 'invalid_value', path: '[0].event.type', message: 'Invalid option: expected one of "candidate"|"hold"' },
      { code: 'invalid_type', path: '[1].event.params', message: 'Invalid input: expected object, received undefined' },
      { code: 'invalid_type', path: '[2].event.params.rank', message: 'Invalid input: expected number, received string' },
      { code: 'invalid_value', path: '[2].event.params.purpose', message: expect.stringMatching(/^Invalid option: expected one of "collection"\|/) as string },
      {
        code: 'invalid_type',
        path: '[3].event.params.callback',
        message: 'Expected JSON data (object, array, string, finite number, boolean or null), found a function',
      },
      { code: 'unrecognized_keys', path: '[4].event', message: 'Unrecognized key: "extra"' },
    ]);
  });

  it('checks the params the guard reads as check() checks an action\'s: address, step, recipient, contactId', () => {
    const candidate = (params: Record<string, unknown>) => ({ type: 'candidate', params: { action: 'legal', rank: 1, ...params } });
    expect(
      issuesOf([
        rule({ name: 'a', event: candidate({ address: 15551234567 }) }),
        rule({ name: 'b', event: candidate({ step: 'lawsuit' }) }),
        rule({ name: 'c', event: candidate({ recipient: 'borower' }) }),
        rule({ name: 'd', event: candidate({ recipient: 'third_party', contactId: '' }) }),
      ]),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_type",
          "message": "Invalid input: expected string, received number",
          "path": "[0].event.params.address",
        },
        {
          "code": "invalid_value",
          "message": "Invalid option: expected one of "demand"|"termination"|"claim"|"suit"|"bankruptcy_petition"|"enforcement"|"credit_report"",
          "path": "[1].event.params.step",
        },
        {
          "code": "invalid_value",
          "message": "Invalid option: expected one of "borrower"|"third_party"",
          "path": "[2].event.params.recipient",
        },
        {
          "code": "too_small",
          "message": "Too small: expected string to have >=1 characters",
          "path": "[3].event.params.contactId",
        },
      ]
    `);
    const params = { action: 'call', rank: 1, address: '+15551234567', recipient: 'third_party', contactId: 'mother', template: 't' };
    expect(loadPolicy([rule({ event: { type: 'candidate', params } })]).rules[0]!.event.params).toEqual(params);
    expect(loadPolicy([rule({ event: candidate({ step: 'claim', recipient: 'borrower' }) })]).rules[0]!.event.params).toEqual({ action: 'legal', rank: 1, step: 'claim', recipient: 'borrower' });
  });

  it('rejects path, params and named condition references', () => {
    expect(
      issuesOf(
        withLeaves(
          { fact: 'balance', operator: 'greaterThan', value: 1, path: '$.amount' },
          { fact: 'balance', operator: 'greaterThan', value: 1, params: { currency: 'USD' } },
          { condition: 'isLargeBalance' },
          { fact: 'balance', operator: 'greaterThan', value: { fact: 'amountOverdue', path: '$.x' } },
        ),
      ),
    ).toEqual([
      { code: 'unsupported_feature', path: 'rules[0].conditions.all[0].path', message: '`path` is not supported: facts are flat values, read each by its name' },
      { code: 'unsupported_feature', path: 'rules[0].conditions.all[1].params', message: '`params` is not supported: facts take no parameters' },
      { code: 'unsupported_feature', path: 'rules[0].conditions.all[2].condition', message: 'Named condition references are not supported: write the condition inline' },
      { code: 'unsupported_feature', path: 'rules[0].conditions.all[3].value.path', message: '`path` is not supported: facts are flat values, read each by its name' },
    ]);
    expect(issuesOf([rule({ conditions: { condition: 'isLargeBalance' } })])).toEqual([
      { code: 'unsupported_feature', path: '[0].conditions.condition', message: 'Named condition references are not supported: write the condition inline' },
    ]);
  });

  it('rejects unknown keys everywhere', () => {
    expect(
      issuesOf({
        rules: [
          rule({ onSuccess: 'x', conditions: { all: [{ fact: 'balance', operator: 'equal', value: 1, name: 'x' }], label: 'y' } }),
        ],
        version: 2,
      }),
    ).toEqual([
      { code: 'unrecognized_keys', path: '', message: 'Unrecognized key: "version"' },
      { code: 'unrecognized_keys', path: 'rules[0]', message: 'Unrecognized key: "onSuccess"' },
      { code: 'unrecognized_keys', path: 'rules[0].conditions', message: 'Unrecognized key: "label"' },
      { code: 'unrecognized_keys', path: 'rules[0].conditions.all[0]', message: 'Unrecognized key: "name"' },
    ]);
  });

  it('reports malformed conditions at their own path', () => {
    expect(
      issuesOf([
        rule({ name: 'a', conditions: { all: [], any: [] } }),
        rule({ name: 'b', conditions: { fact: 'balance', operator: 'equal', value: 1 } }),
        rule({ name: 'c', conditions: { not: [] } }),
        rule({ name: 'd', conditions: { any: {} } }),
        rule({ name: 'e', conditions: { all: [{ any: [{ fact: 'balance', operator: 'equal' }, 3, {}] }] } }),
        rule({ name: 'f', conditions: { all: [{ fact: 'balance', operator: 'equal', value: { currency: 'USD' } }, { fact: 'balance', operator: 'in', value: [[1]] }] } }),
        rule({ name: 'g', conditions: undefined, event: undefined, priority: 0 }),
      ]),
    ).toEqual([
      { code: 'invalid_condition', path: '[0].conditions', message: 'Expected one of `all`, `any` or `not`, found `all` and `any`' },
      { code: 'invalid_condition', path: '[1].conditions', message: 'Expected `all`, `any` or `not` at the top of `conditions`' },
      { code: 'invalid_type', path: '[2].conditions.not', message: 'Expected a single condition under `not`, found an array' },
      { code: 'invalid_type', path: '[3].conditions.any', message: 'Invalid input: expected array, received object' },
      { code: 'invalid_type', path: '[4].conditions.all[0].any[0].value', message: 'Expected a `value` to compare with, found nothing' },
      { code: 'invalid_type', path: '[4].conditions.all[0].any[1]', message: 'Expected a condition object, found a number' },
      {
        code: 'invalid_condition',
        path: '[4].conditions.all[0].any[2]',
        message: 'Expected a condition: `all`, `any`, `not` or a comparison with `fact`, `operator` and `value`',
      },
      {
        code: 'invalid_type',
        path: '[5].conditions.all[0].value',
        message: 'Expected a number, string, boolean, null, a list of them or `{ "fact": "<name>" }`, found an object',
      },
      { code: 'invalid_type', path: '[5].conditions.all[1].value[0]', message: 'Expected a number, string, boolean or null in the list, found an array' },
      { code: 'too_small', path: '[6].priority', message: 'Too small: expected number to be >=1' },
      { code: 'invalid_type', path: '[6].conditions', message: 'Expected `conditions`: an object with `all`, `any` or `not`, found nothing' },
      { code: 'invalid_type', path: '[6].event', message: 'Expected an event object with `type` and `params`, found nothing' },
    ]);
  });
});
