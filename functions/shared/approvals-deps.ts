import { dynamoApprovalReader, dynamoApprovalStore } from './adapters/approval-store.ts';
import { dynamoAttentionStore } from './adapters/attention-store.ts';
import { documentClient } from './adapters/dynamo.ts';
import { dynamoFormStore, dynamoFormVersionReader } from './adapters/form-store.ts';
import { sesClient, sesMailer } from './adapters/mailer.ts';
import { dynamoSubmissionReader, dynamoSubmissionStore } from './adapters/submission-store.ts';
import { sfnClient } from './adapters/workflow.ts';
import { parseConfig } from './config.ts';
import type { ApprovalSettings } from './domain/approvals.ts';
import { NotFoundError } from './domain/errors.ts';
import type { FormStore } from './domain/forms.ts';
import type { SubmissionStore } from './domain/submissions.ts';
import { approvalSettingsSchema } from './domain/workflow-settings.ts';
import { mail, tableName } from './env.ts';
import { brandingFrom, organisationSettings } from './mail/branding.ts';
import * as z from './zod.ts';

/** The submission and its form version, with what every workflow's mails need. */
export function submissionLoader(
  submissions: Pick<SubmissionStore, 'get'>,
  forms: Pick<FormStore, 'getVersion'>,
) {
  return async function loadSubmission(submissionId: string) {
    const submission = await submissions.get(submissionId);
    if (!submission) throw new NotFoundError(`No submission ${submissionId}`);
    const version = await forms.getVersion(submission.formSlug, submission.formVersion);
    if (!version) throw new NotFoundError(`No form version ${submission.formSlug}@${submission.formVersion}`);
    const settings = version.definition.settings ?? {};
    const field = (name: unknown, fallback: string) =>
      submission.data[typeof name === 'string' ? name : fallback];
    const firstName = field(settings.firstNameField, 'firstName');
    const applicantEmail = field(settings.confirmationEmailField, 'email');
    const title = version.definition.title;
    return {
      submission,
      definition: version.definition,
      firstName: typeof firstName === 'string' && firstName ? firstName : undefined,
      applicantEmail:
        typeof applicantEmail === 'string' && applicantEmail.includes('@') ? applicantEmail : undefined,
      titleIn: (locale: string) =>
        title[locale] ?? title[version.definition.defaultLocale] ?? submission.formSlug,
    };
  };
}

/** The submission, its form version and the form's approval settings. */
function approvalLoader(loadSubmission: ReturnType<typeof submissionLoader>) {
  return async (submissionId: string) => {
    const loaded = await loadSubmission(submissionId);
    const approval: ApprovalSettings = z.parse(
      approvalSettingsSchema,
      loaded.definition.settings?.approval ?? {},
    );
    return { ...loaded, settings: approval };
  };
}

/**
 * What the routes behind an e-mailed link need to show it: the token, the approval, the
 * submission and its form version, read only (GET /api/decisions/{token}, GET /api/answers/{token}).
 */
export function approvalLinkDeps() {
  const config = parseConfig({ ...tableName, ...mail });
  const client = documentClient();
  const loadSubmission = submissionLoader(
    dynamoSubmissionReader(client, config.TABLE_NAME),
    dynamoFormVersionReader(client, config.TABLE_NAME),
  );
  return {
    config,
    approvals: dynamoApprovalReader(client, config.TABLE_NAME),
    now: () => new Date(),
    load: approvalLoader(loadSubmission),
  };
}

export type ApprovalLinkDeps = ReturnType<typeof approvalLinkDeps>;

/** Wires the approval steps to DynamoDB, SES and Step Functions, once per cold start. */
export function approvalsDeps() {
  const config = parseConfig({ ...tableName, ...mail });
  const client = documentClient();
  const forms = dynamoFormStore(client, config.TABLE_NAME);
  const submissions = dynamoSubmissionStore(client, config.TABLE_NAME);
  const settings = organisationSettings(client, config.TABLE_NAME, config.ORGANISATION_NAME);

  const loadSubmission = submissionLoader(submissions, forms);

  return {
    config,
    approvals: dynamoApprovalStore(client, config.TABLE_NAME),
    forms,
    submissions,
    mailer: sesMailer(sesClient(), config.MAIL_FROM, brandingFrom(settings)),
    /** The organisation's name as an admin last saved it, for the mails' text. */
    organisation: async () => (await settings()).name,
    attention: dynamoAttentionStore(client, config.TABLE_NAME),
    sfn: sfnClient(),
    now: () => new Date(),
    loadSubmission,
    /** The submission, its form version and the form's approval settings. */
    load: approvalLoader(loadSubmission),
  };
}

export type ApprovalsDeps = ReturnType<typeof approvalsDeps>;
