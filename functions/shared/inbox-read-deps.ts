import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoApprovalReader, dynamoApprovalStore } from './adapters/approval-store.ts';
import { dynamoAttentionStore } from './adapters/attention-store.ts';
import { dynamoAuditLog } from './adapters/audit-log.ts';
import { dynamoCaseReader, dynamoCaseStore } from './adapters/case-store.ts';
import { documentClient } from './adapters/dynamo.ts';
import { dynamoFormReader, dynamoFormStore } from './adapters/form-store.ts';
import { dynamoInboxQueries } from './adapters/inbox-queries.ts';
import { dynamoInboxReader, dynamoInboxStore } from './adapters/inbox-store.ts';
import { dynamoStaffReader } from './adapters/staff-store.ts';
import { dynamoSubmissionReader, dynamoSubmissionStore } from './adapters/submission-store.ts';
import { dynamoTimelineReader } from './adapters/timeline-store.ts';
import { parseConfig } from './config.ts';
import type { FormReader } from './domain/form-drafts.ts';
import { type ProjectionSources, projectEntry } from './domain/inbox-projection.ts';
import type { FormScope } from './domain/staff.ts';
import { tableName } from './env.ts';

/** What the inbox is built on: the stores every wiring of it has. */
export interface InboxBase {
  readonly config: { readonly TABLE_NAME: string };
  readonly forms: ReturnType<typeof dynamoFormStore>;
  readonly submissions: ReturnType<typeof dynamoSubmissionStore>;
  readonly approvals: ReturnType<typeof dynamoApprovalStore>;
  readonly now: () => Date;
}

/**
 * The inbox over DynamoDB alone (projection, queries, staff, audit), once per cold start: for the
 * handlers that read and annotate submissions. Without inbox-deps.ts's approval wiring they do not
 * bundle the SES and Step Functions clients nor the workflow definitions (about 120 kB).
 */
export function inboxReadDeps() {
  const config = parseConfig({ ...tableName });
  const client = documentClient();
  const base: InboxBase = {
    config,
    forms: dynamoFormStore(client, config.TABLE_NAME),
    submissions: dynamoSubmissionStore(client, config.TABLE_NAME),
    approvals: dynamoApprovalStore(client, config.TABLE_NAME),
    now: () => new Date(),
  };
  return { ...base, ...inboxStores(client, base) };
}

/** The inbox's own stores and operations on top of a base wiring. */
export function inboxStores(client: DynamoDBDocumentClient, base: InboxBase) {
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
    formsFor: formsInScope(base.forms),
  };
}

export type InboxReadDeps = ReturnType<typeof inboxReadDeps>;

/**
 * The inbox read only, once per cold start: for the routes that only show (lists, counts, search,
 * an application and its timeline). Readers alone, so their bundles hold no write.
 */
export function inboxViewDeps() {
  const config = parseConfig({ ...tableName });
  const client = documentClient();
  const table = config.TABLE_NAME;
  const forms = dynamoFormReader(client, table);
  return {
    config,
    forms,
    submissions: dynamoSubmissionReader(client, table),
    approvals: dynamoApprovalReader(client, table),
    timeline: dynamoTimelineReader(client, table),
    cases: dynamoCaseReader(client, table),
    inbox: dynamoInboxReader(client, table),
    queries: dynamoInboxQueries(client, table),
    staff: dynamoStaffReader(client, table),
    formsFor: formsInScope(forms),
  };
}

/** The forms a caller may list: the one asked for, or all in scope (every published form for admins). */
function formsInScope(forms: Pick<FormReader, 'listPublished'>) {
  return async (scope: FormScope, form?: string): Promise<string[]> => {
    if (form) return [form];
    if (!scope.all) return [...scope.forms].sort();
    return (await forms.listPublished()).map((summary) => summary.slug).sort();
  };
}
