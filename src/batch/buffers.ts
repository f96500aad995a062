/**
 * A buffer of at least `capacity` bytes, taken from `pool` (buffers moved back from the other
 * thread) when one there is large enough, else a new one. Smaller ones met on the way are dropped.
 * Reused rather than allocated per chunk: on the benchmark's VM a fresh buffer of a megabyte or
 * two costs its page faults every time.
 */
export function takeBuffer(pool: ArrayBuffer[], capacity: number): ArrayBuffer {
  for (let buffer = pool.pop(); buffer !== undefined; buffer = pool.pop()) {
    if (buffer.byteLength >= capacity) return buffer;
  }
  return new ArrayBuffer(capacity);
}
