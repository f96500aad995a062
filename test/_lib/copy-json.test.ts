import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyJson } from '../../src/_lib/copy-json.js';

const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
};

describe('copyJson', () => {
  it('copies any JSON value, frozen or not, into equal data that shares no object with it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (json, frozen) => {
        const value = frozen ? deepFreeze(structuredClone(json)) : json;
        const copy = copyJson(value);
        expect(copy).toStrictEqual(value);
        expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
        const shared = new Set<unknown>();
        const collect = (v: unknown) => {
          if (v !== null && typeof v === 'object') {
            shared.add(v);
            Object.values(v).forEach(collect);
          }
        };
        collect(value);
        const check = (v: unknown) => {
          if (v !== null && typeof v === 'object') {
            expect(shared.has(v)).toBe(false);
            expect(Object.isFrozen(v)).toBe(false);
            Object.values(v).forEach(check);
          }
        };
        check(copy);
      }),
      { seed: 2211, numRuns: 500 },
    );
  });

  it('keeps a `__proto__` key as data, never as the prototype', () => {
    for (const frozen of [false, true]) {
      const params = JSON.parse('{"action":"sms","__proto__":{"polluted":true},"rank":1}') as Record<string, unknown>;
      const copy = copyJson(frozen ? deepFreeze(params) : params);
      expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
      expect(Object.keys(copy)).toEqual(['action', '__proto__', 'rank']);
      expect(JSON.stringify(copy)).toBe('{"action":"sms","__proto__":{"polluted":true},"rank":1}');
    }
  });

  it('copies a frozen flat object with the keys in their order, as a new unfrozen object each time', () => {
    const params = Object.freeze({ action: 'call', rank: 20, reason: 'Call stage', '1': 'one' });
    const first = copyJson(params);
    const second = copyJson(params);
    expect(first).not.toBe(second);
    expect(Object.keys(first)).toEqual(Object.keys(params));
    (first as Record<string, unknown>)['rank'] = 0;
    expect(params.rank).toBe(20);
    expect(second.rank).toBe(20);
  });
});
