/** One changed key of an audit entry's before/after. */
export interface Change {
  readonly key: string;
  readonly before: unknown;
  readonly after: unknown;
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/**
 * The keys whose values differ between before and after, in a stable order. An entry with only an
 * `after` (an invitation) lists every key, which is what was set.
 */
export function changes(before: unknown, after: unknown): Change[] {
  if (before === undefined && after === undefined) return [];
  const old = asRecord(before);
  const now = asRecord(after);
  const keys = [...new Set([...Object.keys(old), ...Object.keys(now)])];
  return keys
    .filter((key) => JSON.stringify(old[key]) !== JSON.stringify(now[key]))
    .map((key) => ({ key, before: old[key], after: now[key] }));
}
