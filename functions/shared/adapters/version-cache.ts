/**
 * Least recently used entries, bounded by the bytes each took as stored. Our own 30 lines rather
 * than `lru-cache`: it is not a dependency of the functions, and a size bound is all we need.
 */
export interface SizedCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V, bytes: number): void;
  readonly bytes: number;
  readonly size: number;
}

export function sizedLruCache<V>(maxBytes: number): SizedCache<V> {
  // A Map iterates in insertion order, so re-inserting on every hit keeps the oldest first.
  const entries = new Map<string, { value: V; bytes: number }>();
  let total = 0;
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value, bytes) {
      if (bytes > maxBytes) return;
      const previous = entries.get(key);
      if (previous) {
        entries.delete(key);
        total -= previous.bytes;
      }
      entries.set(key, { value, bytes });
      total += bytes;
      for (const [oldest, entry] of entries) {
        if (total <= maxBytes) break;
        entries.delete(oldest);
        total -= entry.bytes;
      }
    },
    get bytes() {
      return total;
    },
    get size() {
      return entries.size;
    },
  };
}
