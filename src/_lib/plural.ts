/**
 * The word that agrees with `count`: `one` for 1, else `many` (the noun with an `s` unless given).
 * For nouns (`oneOrMany(n, 'day')`) and verbs (`oneOrMany(n, 'is', 'are')`) alike.
 */
export function oneOrMany(count: number, one: string, many = `${one}s`): string {
  return count === 1 ? one : many;
}

/** `1 contact`, `2 contacts`, `0 days`: a count and its noun, for messages. */
export function plural(count: number, noun: string, many?: string): string {
  return `${count} ${oneOrMany(count, noun, many)}`;
}
