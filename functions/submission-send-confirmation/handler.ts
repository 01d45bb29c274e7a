import * as z from 'zod';
import { dynamoApprovalStore } from '#shared/adapters/approval-store.ts';
import { dynamoAttentionStore } from '#shared/adapters/attention-store.ts';
import { documentClient } from '#shared/adapters/dynamo.ts';
import { sesClient, sesMailer } from '#shared/adapters/mailer.ts';
import { parseConfig } from '#shared/config.ts';
import { mailRound } from '#shared/domain/approvals.ts';
import { confirmationFor } from '#shared/domain/form-settings.ts';
import { mail } from '#shared/env.ts';
import { formsDeps } from '#shared/forms-deps.ts';
import { brandingFrom, organisationSettings } from '#shared/mail/branding.ts';
import { submissionConfirmationMail } from '#shared/mail/submission-confirmation.ts';
import { sendOnce } from '#shared/mail-delivery.ts';
import { taskHandler } from '#shared/task.ts';

const deps = formsDeps();
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
};

class SubmissionNotFound extends Error {
  override name = 'SubmissionNotFound';
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Workflow task: e-mails the submitter a confirmation in their language, if the form asked for an
 * e-mail address (settings.confirmationEmailField, default `email`) and one was given. A refused
 * address is recorded on the timeline and the workflow goes on: the application is still handled.
 */
export const handler = taskHandler(z.object({ submissionId: z.uuid() }), async ({ submissionId }) => {
  const submission = await deps.submissions.get(submissionId);
  if (!submission) throw new SubmissionNotFound(`No submission ${submissionId}`);
  const version = await deps.forms.getVersion(submission.formSlug, submission.formVersion);
  const settings = (version?.definition.settings ?? {}) as {
    confirmationEmailField?: string;
    firstNameField?: string;
  };
  const to = submission.data[settings.confirmationEmailField ?? 'email'];
  if (typeof to !== 'string' || !EMAIL.test(to)) return { sent: false };
  const firstName = submission.data[settings.firstNameField ?? 'firstName'];
  const title = version?.definition.title;
  const outcome = await sendOnce(delivery, {
    submissionId,
    round: mailRound('receipt', submission.receivedAt),
    recipient: to,
    role: 'applicant',
    expiresAt: submission.expiresAt,
    build: async () => {
      const definition = version?.definition;
      const values = {
        ...(typeof firstName === 'string' && firstName ? { firstName } : {}),
        formTitle:
          title?.[submission.locale] ?? title?.[definition?.defaultLocale ?? 'de'] ?? submission.formSlug,
        receiptNumber: submission.receiptNumber,
        organisation: (await organisationSettingsNow()).name,
      };
      const custom = definition ? confirmationFor(definition, submission.locale, values) : {};
      return submissionConfirmationMail({ to, locale: submission.locale, ...values, custom });
    },
  });
  return { sent: outcome === 'sent' };
});
