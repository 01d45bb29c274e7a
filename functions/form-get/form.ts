import { availabilityState, confirmationFor } from '#shared/domain/form-settings.ts';
import { toPublishedForm } from '#shared/domain/published-form.ts';
import { chooseLocale, getPublished } from '#shared/domain/published-version.ts';
import type { formReadDeps } from '#shared/form-store-deps.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';

/**
 * The published version of a form in one language. Revalidated on every use (no-cache + ETag), so
 * a newly published version is served at once while unchanged forms cost a 304. The ETag carries
 * whether the form is open, so a page cached before it closed (or filled up) learns it did.
 */
export const formGet = (deps: FormsDeps) =>
  httpHandler(async ({ event }) => {
    const slug = event.pathParameters?.slug ?? '';
    const version = await getPublished(deps, slug);
    const requested =
      event.queryStringParameters?.locale ?? event.headers?.['accept-language']?.split(/[,;]/)[0]?.trim();
    const locale = chooseLocale(version.definition, requested);
    const availability = await availabilityOf(deps, slug, version.definition.availability);
    const etag = `"${slug}-v${version.version}-${locale}-${availability.state}"`;
    const headers = { etag, 'cache-control': 'no-cache', vary: 'accept-language' };
    if (event.headers?.['if-none-match'] === etag) return { statusCode: 304, headers };
    const form = toPublishedForm(version, locale, deps.config.ORGANISATION_NAME);
    const { page } = confirmationFor(version.definition, locale, {
      formTitle: form.title,
      organisation: form.organisation.name,
      receiptNumber: '{receiptNumber}',
      firstName: '{firstName}',
    });
    return json(200, { ...form, availability, ...(page ? { confirmationPage: page } : {}) }, headers);
  });

export type FormsDeps = ReturnType<typeof formReadDeps>;
type Availability = Parameters<typeof availabilityState>[0];

/** The counter is read only for a form with a limit, so other forms cost no extra read. */
async function availabilityOf(deps: FormsDeps, slug: string, availability: Availability) {
  const received = availability?.maxSubmissions ? await deps.submissions.receivedCount(slug) : 0;
  return {
    state: availabilityState(availability, deps.now(), received),
    ...(availability?.opensAt ? { opensAt: availability.opensAt } : {}),
    ...(availability?.closesAt ? { closesAt: availability.closesAt } : {}),
  };
}
