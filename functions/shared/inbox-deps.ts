import { dynamoAttentionStore } from './adapters/attention-store.ts';
import { dynamoAuditLog } from './adapters/audit-log.ts';
import { dynamoCaseStore } from './adapters/case-store.ts';
import { documentClient } from './adapters/dynamo.ts';
import { dynamoInboxQueries } from './adapters/inbox-queries.ts';
import { dynamoInboxStore } from './adapters/inbox-store.ts';
import { dynamoStaffReader } from './adapters/staff-store.ts';
import { approvalsDeps } from './approvals-deps.ts';
import { type ProjectionSources, projectEntry } from './domain/inbox-projection.ts';
import type { FormScope } from './domain/staff.ts';

/** Wires the inbox (projection, queries, staff, audit) on top of the approval wiring, once per cold start. */
export function inboxDeps() {
  const base = approvalsDeps();
  const client = documentClient();
  const table = base.config.TABLE_NAME;
  const cases = dynamoCaseStore(client, table);
  const attention = dynamoAttentionStore(client, table);
  const inbox = dynamoInboxStore(client, table);

  /** What the projection needs of a submission, read consistently; undefined once it is gone. */
  async function loadSources(submissionId: string): Promise<ProjectionSources | undefined> {
    const [submission, approval, intakeCase, failed] = await Promise.all([
      base.submissions.get(submissionId),
      base.approvals.get(submissionId),
      cases.get(submissionId),
      attention.get('workflow-failed', submissionId),
    ]);
    if (!submission) return undefined;
    const version = await base.forms.getVersion(submission.formSlug, submission.formVersion);
    return {
      submission,
      ...(approval ? { approval } : {}),
      ...(intakeCase ? { intakeCase } : {}),
      workflowFailed: failed !== undefined,
      settings: version?.definition.settings ?? {},
    };
  }

  return {
    ...base,
    cases,
    inbox,
    queries: dynamoInboxQueries(client, table),
    staff: dynamoStaffReader(client, table),
    audit: dynamoAuditLog(client, table),
    loadSources,
    /** Recomputes a submission's entry from its current items; false when the submission is gone. */
    async reproject(submissionId: string): Promise<boolean> {
      const sources = await loadSources(submissionId);
      if (!sources) return false;
      await inbox.project(projectEntry(sources), base.now().toISOString());
      return true;
    },
    /** The forms a caller may list: the one asked for, or all in scope (every published form for admins). */
    async formsFor(scope: FormScope, form?: string): Promise<string[]> {
      if (form) return [form];
      if (!scope.all) return [...scope.forms].sort();
      return (await base.forms.listPublished()).map((summary) => summary.slug).sort();
    },
  };
}

export type InboxDeps = ReturnType<typeof inboxDeps>;
