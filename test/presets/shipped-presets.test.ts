/**
 * Shipped presets skip the compliance schema in `loadCompliance`: this holds that shortcut to
 * what the schema would have given. Each preset passes the schema with its output equal to the
 * preset itself, key order included; loading the preset gives what loading a copy gives (hash,
 * rules and documents, serialised); presets cannot be changed; a copy or an edit is validated.
 */
import { describe, expect, it, vi } from 'vitest';
import * as schema from '../../src/compliance/compliance-schema.js';
import { loadCompliance, validateCompliance } from '../../src/compliance/load-compliance.js';
import { isShippedPreset } from '../../src/compliance/shipped-presets.js';
import { presetIds, presets } from '../../src/presets/index.js';
import { safeParseWith } from '../../src/validate/parse.js';

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe.each(presetIds)('shipped preset %s', (id) => {
  const preset = presets[id];
  const calendars = { ID: { years: [2026], dates: ['2026-01-01'] }, RU: { years: [2026], dates: ['2026-01-01'] } };

  it('passes the compliance schema, which returns it unchanged, key order included', () => {
    const result = safeParseWith(schema.complianceDocumentSchema(), copy(preset), [], {});
    expect(result.success).toBe(true);
    if (result.success) expect(JSON.stringify(result.data)).toBe(JSON.stringify(preset));
  });

  it('loads as a copy of it loads, without running the schema', () => {
    const spy = vi.spyOn(schema, 'complianceDocumentSchema');
    const shipped = loadCompliance(preset, { calendars });
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    const copied = loadCompliance(copy(preset), { calendars });
    expect(JSON.stringify(shipped)).toBe(JSON.stringify(copied));
    expect(Object.isFrozen(shipped.rules[0])).toBe(true);
  });

  it('is deep-frozen, and known as shipped only itself', () => {
    expect(Object.isFrozen(preset)).toBe(true);
    expect(Object.isFrozen(preset.rules)).toBe(true);
    expect(preset.rules.every((rule) => Object.isFrozen(rule) && Object.values(rule).every((value) => typeof value !== 'object' || Object.isFrozen(value)))).toBe(true);
    expect(() => {
      (preset.rules as unknown[]).push({});
    }).toThrow(TypeError);
    expect(isShippedPreset(preset)).toBe(true);
    expect(isShippedPreset({ ...preset })).toBe(false);
    expect(isShippedPreset(copy(preset))).toBe(false);
  });
});

describe('a document made from a preset', () => {
  it('is validated like any other: an edited rule is an issue', () => {
    const edited = { ...presets.cn, rules: [...presets.cn.rules, { ...presets.cn.rules[0]!, id: 'Not Kebab' }] };
    const result = validateCompliance(edited);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues.map((issue) => issue.path)).toEqual([`rules[${presets.cn.rules.length}].id`]);
  });
});
