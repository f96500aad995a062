// Frozen objects whose own values are all primitives (a policy's event params, typically) are
// copied from an unfrozen twin kept per object: V8 spreads an ordinary object several times
// faster than a frozen one. Frozen, the object's own properties can never change, so its twin
// stays equal for as long as the object lives; a twin is never handed out, only spread.
const twins = /* @__PURE__ */ new WeakMap<object, Record<string, unknown> | null>();

/** The unfrozen twin of a frozen flat object; `null` when `value` is not frozen or not flat. */
function twinOf(value: object): Record<string, unknown> | null {
  let twin = twins.get(value);
  if (twin !== undefined) return twin;
  if (!Object.isFrozen(value)) return null;
  twin = {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    // `__proto__` as an own key is copied by copyJson's loop, which defines it as data.
    if (key === '__proto__' || (item !== null && typeof item === 'object')) {
      twin = null;
      break;
    }
    twin[key] = item;
  }
  twins.set(value, twin);
  return twin;
}

/** A deep copy of plain JSON data, so a decision never shares objects with a policy. */
export function copyJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyJson) as T;
  const twin = twinOf(value);
  if (twin !== null) return { ...twin } as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = copyJson((value as Record<string, unknown>)[key]);
    if (key === '__proto__') Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    else out[key] = item;
  }
  return out as T;
}
