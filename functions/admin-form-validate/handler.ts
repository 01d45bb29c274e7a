import { checkStorableSize } from '#shared/adapters/form-store.ts';
import { validateFormDefinition } from '#shared/domain/form-validation.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { staffStore } from '#shared/staff-access.ts';

const staff = staffStore();

/**
 * Checks a draft without saving it: it fits in storage (413 otherwise, as a save would answer),
 * the schema compiles, the UI schema fits it, every label is translated, the workflow exists and
 * accepts the settings.
 */
export const handler = httpHandler(
  async ({ event, body }) => {
    const { caller } = await authorize(event, ['admin'], staff);
    checkStorableSize(body, caller.username);
    const result = validateFormDefinition(body);
    return json(200, result.ok ? { valid: true, issues: [] } : { valid: false, issues: result.issues });
  },
  { maxBodyBytes: 512 * 1024 },
);
