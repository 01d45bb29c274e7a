import { inboxSearchRequest as request } from '#shared/contracts/inbox.ts';
import { ValidationError } from '#shared/domain/errors.ts';
import { toRow } from '#shared/domain/inbox.ts';
import { matchesAll, parseQuery } from '#shared/domain/inbox-search.ts';
import { assertFormInScope, inScope } from '#shared/domain/staff.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { decodeCursor, encodeCursor } from '#shared/inbox-http.ts';
import { inboxViewDeps } from '#shared/inbox-read-deps.ts';

const deps = inboxViewDeps();

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
  const { matches, truncated } = await deps.queries.searchMatches(forms, terms[0] as string);
  const found = matches
    .filter((match) => matchesAll(terms, match.terms) && (!before || match.sort < before))
    .sort((a, b) => (a.sort < b.sort ? 1 : -1));
  const chosen = found.slice(0, input.limit);
  const entries = new Map(
    (await deps.queries.getEntries(chosen.map((match) => match.submissionId))).map((entry) => [
      entry.submissionId,
      entry,
    ]),
  );
  // Read again by key: only entries still there and (defence in depth) in scope are shown.
  const page = chosen.flatMap((match) => {
    const entry = entries.get(match.submissionId);
    return entry && inScope(scope, entry.formSlug) ? [{ entry, sort: match.sort }] : [];
  });
  const last = chosen.at(-1);
  return json(200, {
    items: page.map(({ entry }) => toRow(entry)),
    ...(found.length > input.limit && last ? { cursor: encodeCursor(last.sort) } : {}),
    ...(truncated ? { truncated: true } : {}),
  });
});
