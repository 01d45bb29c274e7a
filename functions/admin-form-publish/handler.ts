import { formVersionPath, parsePath } from '#shared/admin-route.ts';
import { auditDeps } from '#shared/audit-deps.ts';
import { publishVersion } from '#shared/domain/forms.ts';
import { formsDeps } from '#shared/forms-deps.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { staffStore } from '#shared/staff-access.ts';

const deps = formsDeps();
const staff = staffStore();
const { audit, actor } = auditDeps();

/** Makes a saved version the live one; the public page serves it from the next request on. */
export const handler = httpHandler(async ({ event }) => {
  const { caller } = await authorize(event, ['admin'], staff);
  const { slug, version } = parsePath(formVersionPath, event.pathParameters);
  const before = await deps.forms.getSummary(slug);
  const published = await publishVersion(deps, slug, version, caller.username);
  await audit.record({
    at: deps.now().toISOString(),
    actor: actor(caller),
    action: 'form.publish',
    target: { type: 'form', id: slug },
    before: { publishedVersion: before?.publishedVersion ?? null },
    after: { publishedVersion: published.publishedVersion ?? null },
  });
  return json(200, published);
});
