import type { FormDefinition } from './contracts/form-definition.ts';
import { mailRound } from './domain/approvals.ts';
import { confirmationFor } from './domain/form-settings.ts';
import type { Submission } from './domain/submissions.ts';
import { submissionConfirmationMail } from './mail/submission-confirmation.ts';
import { type DeliveryDeps, sendOnce } from './mail-delivery.ts';

export interface ReceiptDeps extends DeliveryDeps {
  /** The organisation's name as an admin last saved it. */
  readonly organisation: () => Promise<string>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * E-mails the submitter a receipt in their language, if the form asked for an e-mail address
 * (settings.confirmationEmailField, default `email`) and one was given. Sent at most once per
 * submission (sendOnce), so a retried task, or the onboarding task that sends it before opening
 * the approval, never sends it twice. A refused address is recorded on the timeline.
 */
export async function sendReceipt(
  deps: ReceiptDeps,
  submission: Submission,
  definition: FormDefinition | undefined,
): Promise<{ sent: boolean }> {
  const settings = (definition?.settings ?? {}) as {
    confirmationEmailField?: string;
    firstNameField?: string;
  };
  const to = submission.data[settings.confirmationEmailField ?? 'email'];
  if (typeof to !== 'string' || !EMAIL.test(to)) return { sent: false };
  const firstName = submission.data[settings.firstNameField ?? 'firstName'];
  const title = definition?.title;
  const outcome = await sendOnce(deps, {
    submissionId: submission.submissionId,
    round: mailRound('receipt', submission.receivedAt),
    recipient: to,
    role: 'applicant',
    expiresAt: submission.expiresAt,
    build: async () => {
      const values = {
        ...(typeof firstName === 'string' && firstName ? { firstName } : {}),
        formTitle:
          title?.[submission.locale] ?? title?.[definition?.defaultLocale ?? 'de'] ?? submission.formSlug,
        receiptNumber: submission.receiptNumber,
        organisation: await deps.organisation(),
      };
      const custom = definition ? confirmationFor(definition, submission.locale, values) : {};
      return submissionConfirmationMail({ to, locale: submission.locale, ...values, custom });
    },
  });
  return { sent: outcome === 'sent' };
}
