import * as z from '../zod.ts';

/** Request and response shapes of the system-check routes; the OpenAPI document is built from these. */
export const checkIdSchema = z.uuid({ message: 'must be a UUID' });

export const createSystemCheckRequest = z.strictObject({
  recipient: z.email({ message: 'must be an e-mail address' }).check(z.maxLength(254)),
  locale: z._default(z.enum(['de', 'en']), 'de'),
  /** Client-chosen id: sending the same id again returns the same check instead of a second one. */
  checkId: z.optional(checkIdSchema),
});

export const confirmSystemCheckRequest = z.strictObject({
  code: z
    .string({ message: 'is required' })
    .check(
      z.trim(),
      z.regex(/^[A-Za-z0-9]{8}$/, { message: 'must be the 8-character code from the e-mail' }),
    ),
});

export const systemCheckStatus = z.enum(['pending', 'waiting', 'confirmed', 'passed', 'expired', 'failed']);

export const systemCheckView = z.object({
  checkId: checkIdSchema,
  status: systemCheckStatus,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  finishedAt: z.optional(z.iso.datetime()),
});

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
  }),
  correlationId: z.string(),
});

export type SystemCheckView = z.output<typeof systemCheckView>;
export type SystemCheckStatus = z.output<typeof systemCheckStatus>;
