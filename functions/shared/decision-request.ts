import * as z from 'zod';

/** A decision's body, from the decision page and the console alike. */
export const decisionRequest = z
  .strictObject({
    decision: z.enum(['approve', 'reject', 'question']),
    comment: z.string().trim().max(2000).optional(),
    shareComment: z.boolean().optional(),
    question: z.string().trim().max(2000).optional(),
  })
  .refine((body) => body.decision !== 'question' || (body.question ?? '').length > 0, {
    path: ['question'],
    message: 'is required when you ask a question',
  });
