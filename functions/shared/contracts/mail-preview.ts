import * as z from '../zod.ts';
import { localeCode } from './form-definition.ts';

/** POST /api/admin/forms/preview-mail: the confirmation mail as a submitter would get it, for sample values. */
export const mailPreviewRequest = z.strictObject({
  locale: localeCode,
  formTitle: z.string().check(z.minLength(1), z.maxLength(200)),
  /** The form's own texts with placeholders; without them the built-in texts. */
  emailSubject: z.optional(z.string().check(z.maxLength(1000))),
  emailBody: z.optional(z.string().check(z.maxLength(20_000))),
});
export type MailPreviewRequest = z.input<typeof mailPreviewRequest>;

export const mailPreview = z.object({ subject: z.string(), text: z.string(), html: z.string() });
export type MailPreview = z.output<typeof mailPreview>;
