import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { InvitationSender } from './cognito-api.ts';
import { langOf, texts } from './invitation-text.ts';

export interface InvitationMailOptions {
  /** The local SES; Cognito sends its own mail, the stand-in sends through ours so it lands in the mailbox. */
  readonly sesEndpoint: string;
  readonly region: string;
  readonly from: string;
  readonly organisationName: string;
  /** Where the set-password page is served (the auth server). */
  readonly authOrigin: string;
  /** Where the person signs in afterwards. */
  readonly consoleUrl: string;
}

/** Sends the invitation in the invitee's language (their `locale` attribute), as Cognito would send its template. */
export function sesInvitationSender(options: InvitationMailOptions): InvitationSender {
  const ses = new SESv2Client({
    endpoint: options.sesEndpoint,
    region: options.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return {
    async send(user, token, expiresAt) {
      if (!user.email) return;
      const lang = langOf(user.locale);
      const t = texts[lang];
      const until = new Date(expiresAt).toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: 'Europe/Berlin',
      });
      const link = `${options.authOrigin}/invitation/${token}`;
      await ses.send(
        new SendEmailCommand({
          FromEmailAddress: options.from,
          Destination: { ToAddresses: [user.email] },
          Content: {
            Simple: {
              Subject: { Data: t.subject(options.organisationName), Charset: 'UTF-8' },
              Body: {
                Text: {
                  Data: t.mail(options.organisationName, link, until, options.consoleUrl),
                  Charset: 'UTF-8',
                },
              },
            },
          },
        }),
      );
    },
  };
}
