import { formPath, parsePath } from '#shared/admin-route.ts';
import { auditDeps } from '#shared/audit-deps.ts';
import { saveDraft } from '#shared/domain/forms.ts';
import { formsDeps } from '#shared/forms-deps.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { staffStore } from '#shared/staff-access.ts';

const deps = formsDeps();
const staff = staffStore();
const { audit, actor } = auditDeps();

/** Saves a form definition as a new, immutable draft version (it is not live until published). */
export const handler = httpHandler(
  async ({ event, body }) => {
    const { caller } = await authorize(event, ['admin'], staff);
    const { slug } = parsePath(formPath, event.pathParameters);
    const saved = await saveDraft(deps, slug, body, caller.username);
    await audit.record({
      at: saved.createdAt,
      actor: actor(caller),
      action: 'form.save',
      target: { type: 'form', id: slug },
      before: { version: saved.version > 1 ? saved.version - 1 : null },
      after: { version: saved.version },
    });
    return json(
      201,
      {
        slug: saved.slug,
        version: saved.version,
        createdAt: saved.createdAt,
        createdBy: saved.createdBy,
        status: 'draft',
      },
      { location: `/api/admin/forms/${saved.slug}/versions/${saved.version}` },
    );
  },
  { maxBodyBytes: 512 * 1024 },
);
