import { dynamoApprovalStore } from '#shared/adapters/approval-store.ts';
import { dynamoAttentionStore } from '#shared/adapters/attention-store.ts';
import { documentClient } from '#shared/adapters/dynamo.ts';
import { sesClient, sesMailer } from '#shared/adapters/mailer.ts';
import { parseConfig } from '#shared/config.ts';
import { mail } from '#shared/env.ts';
import { formStoreDeps } from '#shared/form-store-deps.ts';
import { brandingFrom, organisationSettings } from '#shared/mail/branding.ts';
import { sendReceipt } from '#shared/receipt.ts';
import { taskHandler } from '#shared/task.ts';
import * as z from '#shared/zod.ts';

const deps = formStoreDeps();
const config = parseConfig(mail);
const organisationSettingsNow = organisationSettings(
  documentClient(),
  deps.config.TABLE_NAME,
  config.ORGANISATION_NAME,
);
const delivery = {
  mailer: sesMailer(sesClient(), config.MAIL_FROM, brandingFrom(organisationSettingsNow)),
  // The receipt's fate goes on the submission's timeline, like every other step.
  approvals: dynamoApprovalStore(documentClient(), deps.config.TABLE_NAME),
  attention: dynamoAttentionStore(documentClient(), deps.config.TABLE_NAME),
  now: deps.now,
  organisation: async () => (await organisationSettingsNow()).name,
};

class SubmissionNotFound extends Error {
  override name = 'SubmissionNotFound';
}

/**
 * Workflow task: e-mails the submitter a receipt in their language (see sendReceipt). A refused
 * address is recorded on the timeline and the workflow goes on: the submission is still handled.
 */
export const handler = taskHandler(z.object({ submissionId: z.uuid() }), async ({ submissionId }) => {
  const submission = await deps.submissions.get(submissionId);
  if (!submission) throw new SubmissionNotFound(`No submission ${submissionId}`);
  const version = await deps.forms.getVersion(submission.formSlug, submission.formVersion);
  return sendReceipt(delivery, submission, version?.definition);
});
