// Frozen objects whose own values are all primitives (a policy's event params, typically): such
// an object is copied by one spread. Frozen, its own properties can never change, so the answer
// is kept for as long as the object lives.
const flatness = /* @__PURE__ */ new WeakMap<object, boolean>();

function isFlat(value: object): boolean {
  let flat = flatness.get(value);
  if (flat === undefined) {
    flat = true;
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      // `__proto__` as an own key is copied by the loop below, which defines it as data.
      if (key === '__proto__' || (item !== null && typeof item === 'object')) flat = false;
    }
    flatness.set(value, flat);
  }
  return flat;
}

/** A deep copy of plain JSON data, so a decision never shares objects with a policy. */
export function copyJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyJson) as T;
  if (Object.isFrozen(value) && isFlat(value)) return { ...value };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = copyJson((value as Record<string, unknown>)[key]);
    if (key === '__proto__') Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    else out[key] = item;
  }
  return out as T;
}
