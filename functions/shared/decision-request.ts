import * as z from './zod.ts';

/** A decision's body, from the decision page and the console alike. */
export const decisionRequest = z
  .strictObject({
    decision: z.enum(['approve', 'reject', 'question']),
    comment: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
    shareComment: z.optional(z.boolean()),
    question: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
  })
  .check(
    z.refine((body) => body.decision !== 'question' || (body.question ?? '').length > 0, {
      path: ['question'],
      message: 'is required when you ask a question',
    }),
  );
