import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { ApiError, SignInRequired } from '../api.ts';

interface Handlers {
  readonly onSuccess?: () => void;
  readonly onSettled?: () => void;
}

type State = { kind: 'idle' } | { kind: 'pending' } | { kind: 'done' } | { kind: 'failed'; error: unknown };

/**
 * A change to one application: afterwards the detail and the lists are read again, so the state on
 * screen is the server's. `failure.message` is the API's own (it names the field). A small hook of
 * our own rather than useMutation, whose chunk split would add a file to every page's preload list.
 */
export function useApplicationChange<Input>(submissionId: string, run: (input: Input) => Promise<unknown>) {
  const client = useQueryClient();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const mutate = useCallback(
    async (input: Input, handlers: Handlers = {}) => {
      setState({ kind: 'pending' });
      try {
        await run(input);
        setState({ kind: 'done' });
        handlers.onSuccess?.();
      } catch (error) {
        setState({ kind: 'failed', error });
      }
      await client.invalidateQueries({ queryKey: ['application', submissionId] });
      await client.invalidateQueries({ queryKey: ['inbox'] });
      handlers.onSettled?.();
    },
    [client, run, submissionId],
  );
  const error = state.kind === 'failed' ? state.error : undefined;
  const failure =
    error && !(error instanceof SignInRequired)
      ? { status: error instanceof ApiError ? error.status : 0, message: (error as Error).message }
      : undefined;
  return {
    mutate: (input: Input, handlers?: Handlers) => void mutate(input, handlers),
    isIdle: state.kind === 'idle',
    isPending: state.kind === 'pending',
    isSuccess: state.kind === 'done',
    failure,
  };
}
