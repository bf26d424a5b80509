// Memoised per-text work. Every question of a session re-reads the questions asked before
// it (coverage, evidence already quoted, near-repeats); tokenising them afresh each time was
// most of the cost of a question.

/** `compute` remembered for the `size` most recently used texts. */
export function memoise<T>(size: number, compute: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined) {
      // Re-insert so the Map's insertion order doubles as least-recently-used order.
      cache.delete(text);
      cache.set(text, hit);
      return hit;
    }
    const value = compute(text);
    cache.set(text, value);
    if (cache.size > size) cache.delete(cache.keys().next().value as string);
    return value;
  };
}
