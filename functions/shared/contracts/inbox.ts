import * as z from 'zod';
import { slug } from './form-definition.ts';

/** Request bodies of the inbox routes; the handlers and the OpenAPI document both use these. */
export const inboxSearchRequest = z.strictObject({
  q: z.string().trim().min(2).max(200),
  form: slug.optional(),
  cursor: z.string().max(400).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});

export const noteRequest = z.strictObject({ text: z.string().trim().min(1).max(4000) });

export const assigneeRequest = z.strictObject({ sub: z.string().min(1).max(128).nullable() });
