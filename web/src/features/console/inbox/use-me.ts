import { useQuery } from '@tanstack/react-query';
import { currentUser } from '../auth/user-manager.ts';

/** The signed-in user's `sub`, which assignment needs (the session shows names only). */
export function useMySub(): string | undefined {
  return (
    useQuery({
      queryKey: ['me'],
      queryFn: async () => (await currentUser())?.profile.sub ?? null,
      staleTime: Number.POSITIVE_INFINITY,
    }).data ?? undefined
  );
}
