import { inboxSearchRequest as request } from '#shared/contracts/inbox.ts';
import { ValidationError } from '#shared/domain/errors.ts';
import { inboxKeys, toRow } from '#shared/domain/inbox.ts';
import { matchesAll, parseQuery } from '#shared/domain/inbox-search.ts';
import { assertFormInScope, inScope } from '#shared/domain/staff.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { inboxDeps } from '#shared/inbox-deps.ts';
import { decodeCursor, encodeCursor } from '#shared/inbox-http.ts';

const deps = inboxDeps();

/**
 * Finds applications by name or e-mail. A POST, so the term never appears in a URL or an access
 * log. The longest word is looked up by prefix on the search index; the others must match too.
 */
export const handler = httpHandler(async ({ event, body }) => {
  const { scope } = await authorize(event, ['admin', 'coordinator', 'viewer'], deps.staff);
  const input = parseOrThrow(request, body ?? {});
  if (input.form) assertFormInScope(scope, input.form);
  const terms = parseQuery(input.q);
  if (terms.length === 0)
    throw new ValidationError([{ field: 'q', message: 'needs a word of at least 2 letters or digits' }]);
  const before = input.cursor ? decodeCursor(input.cursor) : undefined;
  const forms = await deps.formsFor(scope, input.form);
  const { ids, truncated } = await deps.queries.searchIds(forms, terms[0] as string);
  const matches = (await deps.queries.getEntries(ids))
    .filter((entry) => inScope(scope, entry.formSlug))
    .filter((entry) => matchesAll(terms, entry.applicantName, entry.applicantEmail))
    .map((entry) => ({ entry, sort: inboxKeys.sort(entry) }))
    .filter(({ sort }) => !before || sort < before)
    .sort((a, b) => (a.sort < b.sort ? 1 : -1));
  const page = matches.slice(0, input.limit);
  const last = page.at(-1);
  return json(200, {
    items: page.map(({ entry }) => toRow(entry)),
    ...(matches.length > input.limit && last ? { cursor: encodeCursor(last.sort) } : {}),
    ...(truncated ? { truncated: true } : {}),
  });
});
