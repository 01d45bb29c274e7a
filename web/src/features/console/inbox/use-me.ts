import { useQuery } from '@tanstack/react-query';
import { roleOf, type StaffRole } from '../auth/roles.ts';
import { currentUser } from '../auth/user-manager.ts';

export interface Me {
  readonly sub: string;
  readonly username: string;
  readonly role: StaffRole | undefined;
}

/**
 * Who is signed in, from the token's claims: `sub` for assignment, the role for which controls to
 * show. Read here rather than from the shell's session context, which would pull the shell's
 * router and texts into a shared chunk that the public pages' preload list would name.
 */
export function useMe(): Me | undefined {
  return (
    useQuery({
      queryKey: ['me'],
      queryFn: async () => {
        const profile = (await currentUser())?.profile as Record<string, unknown> | undefined;
        if (!profile) return null;
        return {
          sub: String(profile.sub),
          username: String(profile['cognito:username'] ?? profile.preferred_username ?? profile.sub),
          role: roleOf(profile['cognito:groups']),
        };
      },
      staleTime: Number.POSITIVE_INFINITY,
    }).data ?? undefined
  );
}
