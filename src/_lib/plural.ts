/**
 * `1 contact`, `2 contacts`, `0 days`: a count and its noun, for messages. `many` is the plural
 * where it is not the noun with an `s`.
 */
export function plural(count: number, noun: string, many = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : many}`;
}
