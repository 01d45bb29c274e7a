import { documentClient } from '#shared/adapters/dynamo.ts';
import { parseConfig } from '#shared/config.ts';
import { mailPreviewRequest } from '#shared/contracts/mail-preview.ts';
import { confirmationFor } from '#shared/domain/form-settings.ts';
import { organisation, tableName } from '#shared/env.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { organisationSettings } from '#shared/mail/branding.ts';
import { submissionConfirmationMail } from '#shared/mail/submission-confirmation.ts';
import { staffStore } from '#shared/staff-access.ts';

const staff = staffStore();
const config = parseConfig({ ...tableName, ...organisation });
const settingsNow = organisationSettings(documentClient(), config.TABLE_NAME, config.ORGANISATION_NAME);

/** Sample values: a made-up receipt number and a first name nobody has. */
const SAMPLE = { receiptNumber: 'L-7K3M-9QX2', firstName: 'Alex' };

/**
 * The confirmation mail of a draft, rendered by the very function that sends it, with the
 * organisation's name from its settings; nothing is sent or stored.
 */
export const handler = httpHandler(
  async ({ event, body }) => {
    await authorize(event, ['admin'], staff);
    const request = parseOrThrow(mailPreviewRequest, body);
    const values = { ...SAMPLE, formTitle: request.formTitle, organisation: (await settingsNow()).name };
    const custom = confirmationFor(
      {
        defaultLocale: request.locale,
        confirmation: {
          ...(request.emailSubject ? { emailSubject: { [request.locale]: request.emailSubject } } : {}),
          ...(request.emailBody ? { emailBody: { [request.locale]: request.emailBody } } : {}),
        },
      },
      request.locale,
      values,
    );
    const mail = submissionConfirmationMail({
      to: 'preview@example.org',
      locale: request.locale,
      ...values,
      custom,
    });
    return json(200, { subject: mail.subject, text: mail.text, html: mail.html });
  },
  { maxBodyBytes: 64 * 1024 },
);
