import { documentClient } from './adapters/dynamo.ts';
import { approvalsDeps } from './approvals-deps.ts';
import { inboxStores } from './inbox-read-deps.ts';

/**
 * Wires the inbox (projection, queries, staff, audit) on top of the approval wiring, once per cold
 * start, for the handlers that also mail or answer workflows; the others use inboxReadDeps().
 */
export function inboxDeps() {
  const base = approvalsDeps();
  return { ...base, ...inboxStores(documentClient(), base) };
}

export type InboxDeps = ReturnType<typeof inboxDeps>;
