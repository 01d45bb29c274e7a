export type StaffRole = 'admin' | 'coordinator' | 'viewer';

const ranked: readonly StaffRole[] = ['admin', 'coordinator', 'viewer'];

/** The strongest role among the token's groups (Cognito's `cognito:groups`). */
export function roleOf(groups: unknown): StaffRole | undefined {
  const list = Array.isArray(groups) ? groups.map(String) : [];
  return ranked.find((role) => list.includes(role));
}
