import { useMutation, useQueryClient } from '@tanstack/react-query';
import { coursesKey } from '../courses-api.ts';

/** A change to a course: afterwards every view of courses (list, seats, enrolments) reloads. */
export function useCourseChange<Input, Output>(run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation<Output, Error, Input>({
    mutationFn: run,
    onSettled: () => client.invalidateQueries({ queryKey: coursesKey }),
  });
}
