/**
 * Freezes `value` and everything it holds. An object already frozen is taken as frozen all the
 * way down and not entered: every caller freezes whole trees of its own (a loaded policy's rules,
 * a loaded compliance, a shipped preset), so a frozen object met on the way is one of those.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}
