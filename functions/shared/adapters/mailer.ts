import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<string>;
}

/** Thrown when SES refuses or fails; workflows retry on this error name. */
export class MailDeliveryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MailDeliveryError';
  }
}

/** SES v2 behind the Mailer port; the endpoint comes from AWS_ENDPOINT_URL_SESV2. */
export function sesMailer(client: SESv2Client, from: string): Mailer {
  return {
    async send(message) {
      try {
        const result = await client.send(
          new SendEmailCommand({
            FromEmailAddress: from,
            Destination: { ToAddresses: [message.to] },
            Content: {
              Simple: {
                Subject: { Data: message.subject, Charset: 'UTF-8' },
                Body: {
                  Text: { Data: message.text, Charset: 'UTF-8' },
                  Html: { Data: message.html, Charset: 'UTF-8' },
                },
              },
            },
          }),
        );
        return result.MessageId ?? '';
      } catch (error) {
        throw new MailDeliveryError('SES did not accept the message', { cause: error });
      }
    },
  };
}

export const sesClient = (): SESv2Client => new SESv2Client({});

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML bodies; every value that a user could have typed goes through this. */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
