import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashDocument, sha256Hex } from '../../src/_lib/hash.js';

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
