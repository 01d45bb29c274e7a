import { importRequest } from '#shared/contracts/form-editor.ts';
import { previewImport } from '#shared/domain/form-import.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { staffStore } from '#shared/staff-access.ts';

const staff = staffStore();

/** Wraps a JSON Forms schema (and UI schema) into a form definition and says what stops it; saves nothing. */
export const handler = httpHandler(
  async ({ event, body }) => {
    await authorize(event, ['admin'], staff);
    const { schema, uischema, locale, slug, title } = parseOrThrow(importRequest, body);
    return json(
      200,
      previewImport({
        schema,
        locale,
        ...(uischema ? { uischema } : {}),
        ...(slug ? { slug } : {}),
        ...(title ? { title } : {}),
      }),
    );
  },
  { maxBodyBytes: 512 * 1024 },
);
