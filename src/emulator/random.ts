// Deterministic randomness, so fault runs with the same seed repeat exactly.

/** mulberry32: tiny, fast, good enough for fault draws (not for security). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Stable 0..1 value for a (key, seed) pair; the same user is always on the same side of a rate. */
export function stableFraction(key: number, seed: number): number {
  return mulberry32((Math.imul(key >>> 0, 2654435761) ^ seed) >>> 0)();
}
