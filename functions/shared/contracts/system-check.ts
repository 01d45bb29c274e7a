import * as z from 'zod';

/** Request and response shapes of the system-check routes; the OpenAPI document is built from these. */
export const checkIdSchema = z.uuid({ message: 'must be a UUID' });

export const createSystemCheckRequest = z.strictObject({
  recipient: z.email({ message: 'must be an e-mail address' }).max(254),
  locale: z.enum(['de', 'en']).default('de'),
  /** Client-chosen id: sending the same id again returns the same check instead of a second one. */
  checkId: checkIdSchema.optional(),
});

export const confirmSystemCheckRequest = z.strictObject({
  code: z
    .string({ message: 'is required' })
    .trim()
    .regex(/^[A-Za-z0-9]{8}$/, { message: 'must be the 8-character code from the e-mail' }),
});

export const systemCheckStatus = z.enum(['pending', 'waiting', 'confirmed', 'passed', 'expired', 'failed']);

export const systemCheckView = z.object({
  checkId: checkIdSchema,
  status: systemCheckStatus,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().optional(),
});

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
  correlationId: z.string(),
});

export type SystemCheckView = z.output<typeof systemCheckView>;
export type SystemCheckStatus = z.output<typeof systemCheckStatus>;
