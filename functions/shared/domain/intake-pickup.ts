import { ConflictError, NotFoundError } from './errors.ts';

/**
 * A team member takes a counselling request, from the case page or the inbox alike: the first one
 * wins (a conditional write) and the workflow stops waiting. No AWS here.
 */
export interface PickupDeps {
  readonly cases: {
    get(
      submissionId: string,
    ): Promise<{ status: string; taskToken?: string; pickedUpBy?: string; pickedUpAt?: string } | undefined>;
    pickUp(submissionId: string, by: string, at: string): Promise<boolean>;
  };
  /** Answers the waiting task; false when the wait is already over. */
  resume(taskToken: string, output: { pickedUpBy: string }): Promise<boolean>;
  addEvent(submissionId: string, event: { at: string; action: string; actor: string }): Promise<void>;
}

export async function pickUpCase(deps: PickupDeps, submissionId: string, by: string, at: string) {
  const found = await deps.cases.get(submissionId);
  if (!found) throw new NotFoundError('There is no case with this id.');
  if (found.status === 'picked-up')
    throw new ConflictError(`Already picked up by ${found.pickedUpBy} at ${found.pickedUpAt}.`);
  if (!(await deps.cases.pickUp(submissionId, by, at)))
    throw new ConflictError('Someone else picked the case up first.');
  // A wait that is already over (escalated, or the execution ended) has nothing left to resume.
  if (found.taskToken) await deps.resume(found.taskToken, { pickedUpBy: by });
  await deps.addEvent(submissionId, { at, action: 'picked-up', actor: by });
  return { submissionId, status: 'picked-up' as const, pickedUpBy: by, pickedUpAt: at };
}
