import { deepFreeze } from '../_lib/deep-freeze.js';

const shipped = /* @__PURE__ */ new WeakSet<object>();

/**
 * Marks a preset of `arrears/presets` as shipped: deep-frozen (so it cannot change after it was
 * checked) and known valid, so that `loadCompliance` takes it as it is instead of running the
 * compliance schema over it again. `test/presets/shipped-presets.test.ts` checks every preset
 * against the schema, and that loading it gives what loading a copy gives, key order included.
 * On a cold start, building and first running the schema was most of `loadCompliance`.
 */
export function shipPreset<T extends object>(document: T): T {
  shipped.add(deepFreeze(document));
  return document;
}

/** Whether `document` is a shipped preset itself (a copy, spread or edit of one is not). */
export function isShippedPreset(document: unknown): boolean {
  return typeof document === 'object' && document !== null && shipped.has(document);
}
