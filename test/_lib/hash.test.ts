import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashDocument, sha256Hex, writeCanonical } from '../../src/_lib/hash.js';

describe('sha256Hex', () => {
  it('gives the published digests, natively and portably', () => {
    for (const portable of [false, true]) {
      expect(sha256Hex('', portable)).toBe('sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
      expect(sha256Hex('abc', portable)).toBe('sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    }
  });

  it('gives the same digest from Node’s crypto and the portable code, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(sha256Hex(text)).toBe(sha256Hex(text, true));
      }),
      { seed: 1125, numRuns: 500 },
    );
  });

  it('hashes documents by their canonical JSON, whatever the key order', () => {
    expect(hashDocument({ b: 1, a: [true, null, 'x'] })).toBe(hashDocument({ a: [true, null, 'x'], b: 1 }));
    expect(hashDocument({ a: 1 })).toBe(sha256Hex(canonicalJson({ a: 1 }), true));
  });
});

describe('canonicalJson', () => {
  // What the recursive writer gives is the reference: the native path must give the same text.
  it('writes any JSON value as the recursive writer does, keys sorted at every level', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(writeCanonical(value));
      }),
      { seed: 2611, numRuns: 1000 },
    );
    expect(canonicalJson({ b: { d: 1, c: [{ f: 1, e: 2 }] }, a: '10', 10: 1, 9: 2 })).toBe('{"10":1,"9":2,"a":"10","b":{"c":[{"e":2,"f":1}],"d":1}}');
  });

  it('gives the same text for what the native path cannot write alike', () => {
    const cases: unknown[] = [
      JSON.parse('{"__proto__": {"x": 1}, "a": {"b": 2}}'),
      { constructor: 'c', toString: 's', nested: [{ valueOf: 1 }, {}] },
      { a: undefined, b: [undefined, 1], c: () => 1, d: Symbol('s') },
      Object.assign(Object.create(null) as object, { b: 1, a: 2 }),
      { date: new Date(0), map: new Map([[1, 2]]) },
      [1, , 3], // eslint-disable-line no-sparse-arrays
      undefined,
    ];
    for (const value of cases) expect(canonicalJson(value)).toBe(writeCanonical(value));
  });
});
