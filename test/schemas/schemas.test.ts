import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { renderSchemas, SCHEMA_FILES } from '../../scripts/generate-schemas.js';
import { calendarsFor } from '../../src/holidays/index.js';
import { validateCompliance, validatePolicy } from '../../src/index.js';
import type { ComplianceDocument } from '../../src/index.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const json = (path: string) => JSON.parse(read(path)) as unknown;

// ajv 6 (eslint's validator) speaks draft-07; the keywords these schemas use mean the same there,
// and `$ref: "#/$defs/…"` is a plain JSON pointer, so it checks them once `$schema` is set aside.
interface Validator {
  (data: unknown): boolean;
  errors?: { dataPath: string; message?: string }[] | null;
}
const Ajv = createRequire(import.meta.url)('ajv') as new (options: object) => { compile(schema: object): Validator };
function validator(file: string): Validator {
  const { $schema: _ignored, ...schema } = JSON.parse(read(`rules/schema/${file}`)) as Record<string, unknown>;
  return new Ajv({ allErrors: true, unknownFormats: 'ignore' }).compile(schema);
}
const errorsOf = (validate: Validator) => (validate.errors ?? []).map((error) => `${error.dataPath} ${error.message ?? ''}`);

const jsonFiles = (dir: string): string[] =>
  readdirSync(new URL(dir, root), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? jsonFiles(`${dir}${entry.name}/`) : entry.name.endsWith('.json') ? [`${dir}${entry.name}`] : [],
  );

describe('rules/schema', () => {
  it.each(SCHEMA_FILES)('%s is what scripts/generate-schemas.ts writes (run `npm run schemas:generate`)', (file) => {
    expect(read(`rules/schema/${file}`)).toBe(renderSchemas()[file]);
  });

  it('is exported by the package under ./schemas/*.json', () => {
    const { exports } = json('package.json') as { exports: Record<string, unknown> };
    expect(exports['./schemas/policy.json']).toBe('./rules/schema/policy.schema.json');
    expect(exports['./schemas/compliance.json']).toBe('./rules/schema/compliance.schema.json');
    expect(exports['./schemas/input.json']).toBe('./rules/schema/input.schema.json');
  });

  it('is referenced by the shipped documents with `$schema`', () => {
    expect((json('rules/policies/default.json') as { $schema: string }).$schema).toBe('../schema/policy.schema.json');
    for (const file of readdirSync(new URL('rules/compliance/', root))) {
      expect((json(`rules/compliance/${file}`) as { $schema: string }).$schema, file).toBe('../schema/compliance.schema.json');
    }
  });
});

describe('policy.schema.json', () => {
  const validate = validator('policy.schema.json');

  it('accepts every policy that loads: the shipped one and the test fixtures', () => {
    const policies = ['rules/policies/default.json', ...jsonFiles('test/fixtures/').filter((file) => /polic|ladder|house-rules/.test(file))];
    const loading = policies.filter((file) => validatePolicy(json(file)).success);
    expect(loading.length).toBeGreaterThanOrEqual(3);
    for (const file of loading) expect(validate(json(file)) ? [] : errorsOf(validate), file).toEqual([]);
  });

  it('rejects the typos the loader rejects: an unknown fact, operator and action, and a value of the wrong type', () => {
    const rule = (leaf: object, action = 'call') => ({ rules: [{ name: 'r', conditions: { all: [leaf] }, event: { type: 'candidate', params: { action, rank: 1 } } }] });
    const good = { fact: 'daysPastDue', operator: 'greaterThan', value: 7 };
    expect(validate(rule(good))).toBe(true);
    expect(validate(rule({ ...good, fact: 'dayPastDue' }))).toBe(false);
    expect(validate(rule({ ...good, operator: 'greaterThen' }))).toBe(false);
    expect(validate(rule({ ...good, value: 'seven' }))).toBe(false);
    expect(validate(rule(good, 'phone'))).toBe(false);
    expect(validate(rule({ fact: 'hoursSinceLastSms', operator: 'equal', value: null }))).toBe(true);
    expect(validate(rule({ fact: 'daysPastDue', operator: 'equal', value: null }))).toBe(false);
    expect(validate(rule({ fact: 'product', operator: 'in', value: ['auto', 'card'] }))).toBe(true);
    expect(validate(rule({ fact: 'product', operator: 'lessThan', value: 3 }))).toBe(false);
    expect(validate(rule({ fact: 'attributes.segment', operator: 'equal', value: 'A' }))).toBe(true);
    expect(validate(rule({ fact: 'callAttempts24h', operator: 'lessThan', value: { fact: 'attributes.maxCalls' } }))).toBe(true);
    expect(validate(rule({ ...good, path: '$.x' }))).toBe(false);
    for (const typo of [{ ...good, fact: 'dayPastDue' }, { ...good, operator: 'greaterThen' }, { ...good, value: 'seven' }]) expect(validatePolicy(rule(typo)).success).toBe(false);
    expect(validate(json('test/fixtures/policy/error-typos.json'))).toBe(false);
  });

  it('accepts nested all, any and not, and a bare array of rules', () => {
    const conditions = { any: [{ not: { fact: 'activePromise', operator: 'equal', value: true } }, { all: [] }] };
    const rules = [{ name: 'r', conditions, event: { type: 'hold', params: { rank: 5 } } }];
    expect(validate(rules)).toBe(true);
    expect(validatePolicy(rules).success).toBe(true);
  });
});

describe('compliance.schema.json', () => {
  const validate = validator('compliance.schema.json');

  it('accepts every shipped preset', () => {
    for (const file of readdirSync(new URL('rules/compliance/', root))) {
      const document = json(`rules/compliance/${file}`);
      expect(validateCompliance(document, { calendars: calendarsFor([document as ComplianceDocument], { years: [2026] }) }).success, file).toBe(true);
      expect(validate(document) ? [] : errorsOf(validate), file).toEqual([]);
    }
  });

  it('rejects what the loader rejects: an unknown rule kind or a missing citation', () => {
    const document = { id: 'house', title: 'House rules', jurisdiction: 'US', version: '2026-01-01', rules: [] as object[] };
    const cap = { id: 'house-cap', kind: 'cap', citation: 'House rule 1', summary: 'Two calls a day.', confidence: 'H', max: 2, period: { type: 'rolling', hours: 24 }, scope: 'debt', counts: { channels: ['call'] } };
    expect(validate({ ...document, rules: [cap] })).toBe(true);
    expect(validate({ ...document, rules: [{ ...cap, kind: 'limit' }] })).toBe(false);
    const { citation: _citation, ...uncited } = cap;
    expect(validate({ ...document, rules: [uncited] })).toBe(false);
    expect(validateCompliance({ ...document, rules: [uncited] }).success).toBe(false);
  });
});

describe('input.schema.json', () => {
  const validate = validator('input.schema.json');

  it('accepts the inputs of the compliance scenarios and the CLI fixtures', () => {
    const scenarios = jsonFiles('test/scenarios/').map((file) => ({ file, input: (json(file) as { input: unknown }).input }));
    expect(scenarios.length).toBeGreaterThan(50);
    for (const { file, input } of scenarios) expect(validate(input) ? [] : errorsOf(validate), file).toEqual([]);
    expect(validate(json('test/fixtures/cli/us-loan-0759.json'))).toBe(true);
  });

  it('rejects an invalid input', () => {
    expect(validate(json('test/fixtures/cli/invalid-input.json'))).toBe(false);
  });
});
