import { validateFormDefinition } from '#shared/domain/form-validation.ts';
import { requireGroup } from '#shared/http/auth.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';

/** Checks a draft without saving it: the schema compiles, the UI schema fits it, every label is translated. */
export const handler = httpHandler(
  async ({ event, body }) => {
    requireGroup(event, ['admin']);
    const result = validateFormDefinition(body);
    return json(200, result.ok ? { valid: true, issues: [] } : { valid: false, issues: result.issues });
  },
  { maxBodyBytes: 512 * 1024 },
);
