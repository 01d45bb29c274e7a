import { reportQuery } from '#shared/contracts/courses.ts';
import { localeCode } from '#shared/contracts/form-definition.ts';
import { buildReport } from '#shared/domain/course-report.ts';
import { NotFoundError, ValidationError } from '#shared/domain/errors.ts';
import type { FormSummary } from '#shared/domain/forms.ts';
import { assertFormInScope, visibleForms } from '#shared/domain/staff.ts';
import { reportCsv, reportFileName } from '#shared/export/report-csv.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import * as z from '#shared/zod.ts';
import { reports } from './deps.ts';

/** The titles' and the CSV's language; the headers are German or English. */
const query = z.extend(reportQuery, { locale: z.optional(localeCode) });

/** Ten years of months is plenty for a chart; longer periods are a typo more often than not. */
const MAX_DAYS = 3660;

/**
 * The funders' figures per programme and period (GET /api/admin/reports): viewers, coordinators and
 * admins, each for the programmes (forms) assigned to them. `format=csv` answers a file. Only
 * counts and hours leave this route, no names, so it is not audited like the submissions export.
 */
export const handler = httpHandler(async ({ event }) => {
  const deps = reports();
  const { scope } = await authorize(event, ['admin', 'coordinator', 'viewer'], deps.staff);
  // Scope before the rest of the query: someone outside the programme learns nothing from a 400.
  const asked = event.queryStringParameters?.form;
  if (asked) assertFormInScope(scope, asked);
  const {
    form,
    from,
    to,
    format,
    locale: askedLocale,
  } = parseOrThrow(query, event.queryStringParameters ?? {});
  checkPeriod(from, to);
  const locale = askedLocale ?? preferredLocale(event.headers?.['accept-language']);
  const forms = await deps.forms.listForms();
  if (form && !forms.some((f) => f.slug === form)) throw new NotFoundError(`There is no form "${form}".`);
  const slugs = form
    ? [form]
    : visibleForms(
        scope,
        forms.map((f) => f.slug),
      );
  const programmes = slugs.map((slug) => ({ formSlug: slug, title: titleOf(forms, slug, locale) }));
  const records = await deps.source.load({ forms: slugs, from, to });
  const view = buildReport({
    from,
    to,
    programmes,
    ...records,
    today: deps.now().toISOString().slice(0, 10),
  });
  if (format === 'json') return json(200, view);
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${reportFileName(view)}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
    body: reportCsv(view, locale),
  };
});

function checkPeriod(from: string, to: string): void {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== from)
    throw new ValidationError([{ field: 'from', message: 'is not a date that exists' }]);
  if (Number.isNaN(end) || new Date(end).toISOString().slice(0, 10) !== to)
    throw new ValidationError([{ field: 'to', message: 'is not a date that exists' }]);
  if (from > to) throw new ValidationError([{ field: 'from', message: 'must not be after to' }]);
  if ((end - start) / 86_400_000 > MAX_DAYS)
    throw new ValidationError([{ field: 'to', message: 'must be at most ten years after from' }]);
}

const preferredLocale = (header: string | undefined): string =>
  header?.trim().toLowerCase().startsWith('en') ? 'en' : 'de';

function titleOf(forms: readonly FormSummary[], slug: string, locale: string): string {
  const title = forms.find((f) => f.slug === slug)?.title ?? {};
  return title[locale] ?? title.de ?? title.en ?? Object.values(title)[0] ?? slug;
}
