import * as z from '../zod.ts';
import { slug } from './form-definition.ts';

/** Request bodies of the inbox routes; the handlers and the OpenAPI document both use these. */
export const inboxSearchRequest = z.strictObject({
  q: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)),
  form: z.optional(slug),
  cursor: z.optional(z.string().check(z.maxLength(400))),
  limit: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
});

export const noteRequest = z.strictObject({
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(4000)),
});

export const assigneeRequest = z.strictObject({
  sub: z.nullable(z.string().check(z.minLength(1), z.maxLength(128))),
});
