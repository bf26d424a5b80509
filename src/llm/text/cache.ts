// The one cache of the question engine: a bounded least-recently-used map. Every question
// of a session re-reads the same posting, resume and earlier questions (coverage, evidence
// already quoted, near-repeats); recomputing them each time was most of a question's cost.
// Keys are the full texts, never a hash of them: a collision would silently serve another
// candidate's result, and V8 hashes a string key only once.

export interface LruCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  delete(key: string): void;
  readonly size: number;
}

export function createLruCache<V>(capacity: number): LruCache<V> {
  const entries = new Map<string, V>();
  return {
    get(key) {
      const hit = entries.get(key);
      if (hit !== undefined) {
        // Re-insert so the Map's insertion order doubles as least-recently-used order.
        entries.delete(key);
        entries.set(key, hit);
      }
      return hit;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > capacity) entries.delete(entries.keys().next().value as string);
    },
    delete(key) {
      entries.delete(key);
    },
    get size() {
      return entries.size;
    },
  };
}

/**
 * `compute` remembered for the `capacity` most recently used arguments. `keyOf` names an
 * argument that is not itself a string (the default is the string argument itself).
 */
export function memoise<A, T>(
  capacity: number,
  compute: (arg: A) => T,
  keyOf: (arg: A) => string = (arg) => arg as unknown as string,
): (arg: A) => T {
  const cache = createLruCache<T>(capacity);
  return (arg) => {
    const key = keyOf(arg);
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = compute(arg);
    cache.set(key, value);
    return value;
  };
}
