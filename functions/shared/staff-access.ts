import { documentClient } from './adapters/dynamo.ts';
import { dynamoStaffReader } from './adapters/staff-store.ts';
import { parseConfig } from './config.ts';
import { NotFoundError } from './domain/errors.ts';
import { type FormScope, inScope } from './domain/staff.ts';
import { tableName } from './env.ts';

/** The staff profiles authorize() reads, wired once per cold start. */
export const staffStore = () => dynamoStaffReader(documentClient(), parseConfig(tableName).TABLE_NAME);

/**
 * For routes about one submission: one of a form the caller is not assigned to is answered like one
 * that does not exist, so its id tells nothing about other forms.
 */
export function assertSubmissionInScope(scope: FormScope, formSlug: string): void {
  if (!inScope(scope, formSlug)) throw new NotFoundError('There is no submission with this id.');
}
