import * as z from 'zod';
import { localeCode } from './form-definition.ts';

/** POST /api/admin/forms/preview-mail: the confirmation mail as a submitter would get it, for sample values. */
export const mailPreviewRequest = z.strictObject({
  locale: localeCode,
  formTitle: z.string().min(1).max(200),
  /** The form's own texts with placeholders; without them the built-in texts. */
  emailSubject: z.string().max(1000).optional(),
  emailBody: z.string().max(20_000).optional(),
});
export type MailPreviewRequest = z.input<typeof mailPreviewRequest>;

export const mailPreview = z.object({ subject: z.string(), text: z.string(), html: z.string() });
export type MailPreview = z.output<typeof mailPreview>;
