import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** Files sent with the mail (a certificate PDF, a calendar file); SES limits a mail to 40 MB. */
  readonly attachments?: readonly MailAttachment[];
}

export interface MailAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Uint8Array;
}

export interface Mailer {
  /** Resolves with the message id; throws MailDeliveryError, MailRefusedError or MailAccountBlockedError. */
  send(message: MailMessage): Promise<string>;
}

/** Transient (throttling, 5xx, network, timeout): the workflow retries on this error name. */
export class MailDeliveryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MailDeliveryError';
  }
}

/**
 * SES refused this message for this recipient for good (unverified recipient in the sandbox, an
 * invalid or rejected address). Retrying cannot help; callers record it and go on. `reason` is
 * the SES error name only: SES's message can contain the address, which must not reach logs.
 */
export class MailRefusedError extends Error {
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`SES refused the message (${reason})`, options);
    this.name = 'MailRefused';
  }
}

/** The account cannot send to anyone (paused, suspended, sender not verified): not retried, never per recipient. */
export class MailAccountBlockedError extends Error {
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`SES cannot send from this account (${reason})`, options);
    this.name = 'MailAccountBlocked';
  }
}

export type MailFailure = 'transient' | 'recipient' | 'account';

/** SendEmail errors that no retry can fix for this recipient (SES v2 API reference, SendEmail "Errors"). */
const RECIPIENT_ERRORS = new Set(['MessageRejected', 'BadRequestException', 'InvalidParameterValue']);
/** Errors about the account or its configuration: every recipient would fail alike. */
const ACCOUNT_ERRORS = new Set([
  'AccountSuspendedException',
  'SendingPausedException',
  'AccountSendingPausedException',
  'MailFromDomainNotVerifiedException',
  'NotFoundException',
  'LimitExceededException',
  'AccessDeniedException',
]);

/**
 * Which kind of failure an SES error is. Throttling (TooManyRequestsException, ThrottlingException
 * for the daily quota and sending rate), 5xx, network errors, timeouts and anything unknown count
 * as transient: a retry costs little, and after the workflow's last attempt the execution fails
 * visibly instead of dropping a mail. A "not verified" rejection that names our own sender is the
 * account's problem, not the recipient's; so are refused credentials (401/403).
 */
export function classifyMailError(error: unknown, from?: string): MailFailure {
  const name = error instanceof Error ? error.name : '';
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  if (ACCOUNT_ERRORS.has(name) || status === 401 || status === 403) return 'account';
  if (RECIPIENT_ERRORS.has(name)) {
    const message = error instanceof Error ? error.message.toLowerCase() : '';
    return from && message.includes(from.toLowerCase()) ? 'account' : 'recipient';
  }
  return 'transient';
}

/** Who a mail is from in the organisation's words: read per mail, so a change in the settings holds at once. */
export interface MailBranding {
  readonly senderName: string;
  readonly replyTo?: string;
}

/**
 * SES v2 behind the Mailer port; the endpoint comes from AWS_ENDPOINT_URL_SESV2. With `branding`,
 * each mail is sent as `"Sender name" <from>` with the organisation's Reply-To; the address itself
 * stays the verified identity.
 */
export function sesMailer(client: SESv2Client, from: string, branding?: () => Promise<MailBranding>): Mailer {
  return {
    async send(message) {
      const brand = branding ? await branding() : undefined;
      try {
        const result = await client.send(
          new SendEmailCommand({
            FromEmailAddress: brand ? formatSender(brand.senderName, from) : from,
            ...(brand?.replyTo ? { ReplyToAddresses: [brand.replyTo] } : {}),
            Destination: { ToAddresses: [message.to] },
            Content: {
              Simple: {
                Subject: { Data: message.subject, Charset: 'UTF-8' },
                Body: {
                  Text: { Data: message.text, Charset: 'UTF-8' },
                  Html: { Data: message.html, Charset: 'UTF-8' },
                },
                ...(message.attachments?.length
                  ? { Attachments: message.attachments.map(sesAttachment) }
                  : {}),
              },
            },
          }),
        );
        return result.MessageId ?? '';
      } catch (error) {
        throw mailError(error, from);
      }
    },
  };
}

/** The SDK base64-encodes RawContent itself; the name loses line breaks so no MIME header can be injected. */
const sesAttachment = (attachment: MailAttachment) => ({
  RawContent: attachment.content,
  FileName: attachment.filename.replace(/[\r\n"]+/g, ' '),
  ContentType: attachment.contentType,
  ContentDisposition: 'ATTACHMENT' as const,
  ContentTransferEncoding: 'BASE64' as const,
});

/**
 * A From header with a display name. SES takes non-ASCII names only as RFC 2047 encoded words;
 * ASCII names are quoted (RFC 5322), with line breaks removed so no header can be injected.
 */
export function formatSender(name: string, address: string): string {
  const clean = name.replace(/[\r\n]+/g, ' ').trim();
  if (!clean) return address;
  if (/^[\x20-\x7e]*$/.test(clean)) return `"${clean.replace(/["\\]/g, '\\$&')}" <${address}>`;
  return `=?UTF-8?B?${Buffer.from(clean, 'utf8').toString('base64')}?= <${address}>`;
}

function mailError(error: unknown, from: string): Error {
  const reason = error instanceof Error ? error.name : 'Unknown';
  switch (classifyMailError(error, from)) {
    case 'recipient':
      return new MailRefusedError(reason, { cause: error });
    case 'account':
      return new MailAccountBlockedError(reason, { cause: error });
    default:
      return new MailDeliveryError('SES did not accept the message', { cause: error });
  }
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
