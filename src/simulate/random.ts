/**
 * A seeded pseudo-random generator: mulberry32 (Tommy Ettinger, public domain), 32-bit state,
 * uniform floats in [0, 1). Passed in explicitly: the core never calls `Math.random`, so a
 * simulation with the same seed is the same simulation.
 */

/** A source of uniform floats in [0, 1). */
export type Random = () => number;

/**
 * A mulberry32 generator seeded with `seed` (any number; its low 32 bits are used).
 * @category Simulate
 */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a of a string, mixed with a seed: each loan draws from its own stream, whatever its position in the portfolio. */
export function streamSeed(seed: number, key: string): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return hash >>> 0;
}
