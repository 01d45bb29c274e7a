import { settingsUpdate, updateSettings } from '#shared/domain/settings.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { settingsDeps } from '#shared/settings-deps.ts';

const deps = settingsDeps();

/** Saves the organisation settings; pages and mails use them from the next request on. */
export const handler = httpHandler(
  async ({ event, body }) => {
    const { caller } = await authorize(event, ['admin'], deps.staff);
    const update = parseOrThrow(settingsUpdate, body ?? {});
    const saved = await updateSettings(deps, update, { sub: caller.sub, username: caller.username });
    return json(200, saved);
  },
  // A 200 kB logo is about 270 kB as base64, plus the other fields.
  { maxBodyBytes: 300 * 1024 },
);
