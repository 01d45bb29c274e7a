import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, SignInRequired } from '../api.ts';

/**
 * A change to one application: afterwards the detail and the lists are read again, so the state on
 * screen is the server's. `message` is the API's own (it names the field) or the fallback.
 */
export function useApplicationChange<Input>(submissionId: string, run: (input: Input) => Promise<unknown>) {
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: run,
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: ['application', submissionId] });
      await client.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
  const error = mutation.error;
  const failure =
    error && !(error instanceof SignInRequired)
      ? { status: error instanceof ApiError ? error.status : 0, message: error.message }
      : undefined;
  return { ...mutation, failure };
}
