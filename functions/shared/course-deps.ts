import { randomBytes } from 'node:crypto';
import { dynamoApprovalStore } from './adapters/approval-store.ts';
import { dynamoAttentionStore } from './adapters/attention-store.ts';
import { dynamoCourseStore } from './adapters/course-store.ts';
import { documentClient } from './adapters/dynamo.ts';
import { dynamoFormStore } from './adapters/form-store.ts';
import { sesClient, sesMailer } from './adapters/mailer.ts';
import { dynamoSettingsReader } from './adapters/settings-store.ts';
import { dynamoSubmissionStore } from './adapters/submission-store.ts';
import { sfnClient } from './adapters/workflow.ts';
import { parseConfig } from './config.ts';
import { stateMachineArnVariable } from './definitions/state-machines.ts';
import { NotFoundError } from './domain/errors.ts';
import { mail, tableName } from './env.ts';
import { brandingFrom, organisationSettings } from './mail/branding.ts';

/** Who a participant is, for mails and certificates; read when needed, never put in workflow state. */
export interface Person {
  readonly firstName?: string;
  /** The full name as printed on a certificate. */
  readonly name: string;
  readonly email?: string;
  readonly locale: string;
  /** The programme's title in the person's language. */
  readonly programme: string;
}

/** 32 random bytes, as for approval links: the secret of an offer link or an own page. */
export const newLinkToken = (): string => randomBytes(32).toString('base64url');

/** Wires the course workflow steps to DynamoDB, SES, Step Functions and the signer, once per cold start. */
export function courseDeps() {
  const config = parseConfig({ ...tableName, ...mail });
  const client = documentClient();
  const forms = dynamoFormStore(client, config.TABLE_NAME);
  const submissions = dynamoSubmissionStore(client, config.TABLE_NAME);
  const courses = dynamoCourseStore(client, config.TABLE_NAME);
  const settings = organisationSettings(client, config.TABLE_NAME, config.ORGANISATION_NAME);
  const settingsStore = dynamoSettingsReader(client, config.TABLE_NAME);

  /** A form's title in a language, from its summary (manual participants have no submission). */
  async function formTitle(formSlug: string, locale: string) {
    const title = (await forms.getSummary(formSlug))?.title ?? {};
    return title[locale] ?? title.de ?? title.en ?? Object.values(title)[0] ?? formSlug;
  }

  /** First name, e-mail and locale from the submission's answers, or from a participant enrolled by hand. */
  async function loadPerson(participantId: string): Promise<Person> {
    const participant = await courses.getParticipant(participantId);
    if (!participant) throw new NotFoundError(`No participant ${participantId}`);
    if (participant.source === 'manual') {
      const name = [participant.firstName, participant.lastName].filter(Boolean).join(' ');
      return {
        ...(participant.firstName ? { firstName: participant.firstName } : {}),
        name: name || participant.participantId,
        ...(participant.email ? { email: participant.email } : {}),
        locale: participant.locale,
        programme: await formTitle(participant.formSlug, participant.locale),
      };
    }
    const submission = await submissions.get(participantId);
    if (!submission) throw new NotFoundError(`No submission ${participantId}`);
    const version = await forms.getVersion(submission.formSlug, submission.formVersion);
    const fields = version?.definition.settings ?? {};
    const answer = (name: unknown, fallback: string) => {
      const value = submission.data[typeof name === 'string' ? name : fallback];
      return typeof value === 'string' && value.trim() ? value.trim() : undefined;
    };
    const firstName = answer(fields.firstNameField, 'firstName');
    const lastName = answer(fields.lastNameField, 'lastName');
    const email = answer(fields.confirmationEmailField, 'email');
    const title = version?.definition.title ?? {};
    return {
      ...(firstName ? { firstName } : {}),
      name: [firstName, lastName].filter(Boolean).join(' ') || participantId,
      ...(email?.includes('@') ? { email } : {}),
      locale: participant.locale,
      programme:
        title[participant.locale] ??
        (version ? title[version.definition.defaultLocale] : undefined) ??
        submission.formSlug,
    };
  }

  return {
    config,
    courses,
    forms,
    submissions,
    approvals: dynamoApprovalStore(client, config.TABLE_NAME),
    attention: dynamoAttentionStore(client, config.TABLE_NAME),
    mailer: sesMailer(sesClient(), config.MAIL_FROM, brandingFrom(settings)),
    sfn: sfnClient(),
    now: () => new Date(),
    /** The organisation's name as an admin last saved it, for the mails' text. */
    organisation: async () => (await settings()).name,
    /** The organisation's name and logo bytes, for the certificate. */
    async organisationWithLogo() {
      const current = await settings();
      const logo = current.logo ? await settingsStore.getLogo() : undefined;
      return {
        name: current.name,
        ...(logo ? { logo: { bytes: new Uint8Array(logo.data), contentType: logo.contentType } } : {}),
      };
    },
    volunteerCourseArn: () => {
      const arn = process.env[stateMachineArnVariable('volunteer-course')];
      if (!arn) throw new Error('Invalid configuration: VOLUNTEER_COURSE_STATE_MACHINE_ARN is required');
      return arn;
    },
    publicUrl: (path: string) => new URL(path, config.PUBLIC_BASE_URL).toString(),
    loadPerson,
  };
}

export type CourseDeps = ReturnType<typeof courseDeps>;
