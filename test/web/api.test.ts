import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSubmission } from '../../web/src/features/public-form/api/create-submission.ts';
import { getPublishedForm } from '../../web/src/features/public-form/api/get-published-form.ts';
import { publishedFormOf, REGISTRATION, shippedForm } from './support/shipped-forms.ts';

const form = publishedFormOf(shippedForm(REGISTRATION), 'uk');
const memory = () => {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
  };
};
const respond = (status: number, body?: unknown, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers });

afterEach(() => vi.unstubAllGlobals());

describe('loading the published form', () => {
  it('revalidates with the ETag it kept and reuses its copy on 304', async () => {
    const cache = memory();
    const fetch = vi
      .fn<typeof globalThis.fetch>()
      .mockResolvedValueOnce(respond(200, form, { etag: '"v1-uk"' }))
      .mockResolvedValueOnce(respond(304));
    vi.stubGlobal('fetch', fetch);
    expect(await getPublishedForm(REGISTRATION, 'uk', cache)).toEqual({ kind: 'ok', form });
    expect(await getPublishedForm(REGISTRATION, 'uk', cache)).toEqual({ kind: 'ok', form });
    expect(fetch.mock.calls[0]?.[0]).toBe(`/api/forms/${REGISTRATION}?locale=uk`);
    expect(new Headers(fetch.mock.calls[1]?.[1]?.headers).get('if-none-match')).toBe('"v1-uk"');
  });

  it('works from the kept copy when the network is gone', async () => {
    const cache = memory();
    vi.stubGlobal(
      'fetch',
      vi
        .fn()
        .mockResolvedValueOnce(respond(200, form, { etag: '"e"' }))
        .mockRejectedValueOnce(new TypeError('offline')),
    );
    await getPublishedForm(REGISTRATION, 'uk', cache);
    expect(await getPublishedForm(REGISTRATION, 'uk', cache)).toEqual({ kind: 'ok', form });
  });

  it('tells a missing form from a failure', async () => {
    vi.stubGlobal(
      'fetch',
      vi
        .fn()
        .mockResolvedValueOnce(respond(404, { error: {} }))
        .mockResolvedValueOnce(respond(502, {}))
        .mockRejectedValueOnce(new TypeError('offline')),
    );
    expect(await getPublishedForm('nope', 'de', memory())).toEqual({ kind: 'not-found' });
    expect(await getPublishedForm('x-y-z', 'de', memory())).toEqual({ kind: 'failed', status: 502 });
    expect(await getPublishedForm('x-y-z', 'de', memory())).toEqual({ kind: 'failed' });
  });
});

describe('sending a submission', () => {
  const request = {
    submissionId: '0b6d3f4e-3c5a-4d2b-9a7e-1f2e3d4c5b6a',
    formVersion: 1,
    locale: 'uk',
    data: { firstName: 'Olena' },
    consent: { version: '2026-11-01', accepted: true as const },
    website: '',
  };
  const error = (message: string, issues?: unknown) => ({
    error: { code: 'x', message, ...(issues ? { issues } : {}) },
    correlationId: 'c-1',
  });

  it('posts the contract body as JSON and returns the receipt', async () => {
    const receipt = {
      submissionId: request.submissionId,
      receiptNumber: 'L-0B6D-3F4E',
      formSlug: REGISTRATION,
      formVersion: 1,
      receivedAt: '2026-11-02T10:00:00.000Z',
    };
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(respond(202, receipt));
    vi.stubGlobal('fetch', fetch);
    expect(await createSubmission(REGISTRATION, request)).toEqual({ kind: 'accepted', receipt });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe(`/api/forms/${REGISTRATION}/submissions`);
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual(request);
  });

  it.each([
    [
      400,
      error('Bitte prüfen.', [{ field: 'languages.0.level', message: 'Pflicht' }]),
      {
        kind: 'invalid',
        issues: [{ field: 'languages.0.level', message: 'Pflicht' }],
        message: 'Bitte prüfen.',
        correlationId: 'c-1',
      },
    ],
    [409, error('Form changed'), { kind: 'outdated', message: 'Form changed', correlationId: 'c-1' }],
    [413, error('Too large'), { kind: 'too-large', message: 'Too large', correlationId: 'c-1' }],
    [429, error('Slow down'), { kind: 'rate-limited', message: 'Slow down', correlationId: 'c-1' }],
    [
      503,
      error('Unavailable'),
      { kind: 'failed', status: 503, message: 'Unavailable', correlationId: 'c-1' },
    ],
    [502, undefined, { kind: 'failed', status: 502 }],
  ])('maps %i to what the page shows', async (status, body, outcome) => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(respond(status, body)));
    expect(await createSubmission(REGISTRATION, request)).toEqual(outcome);
  });

  it('treats a dropped connection as a failure to retry', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    expect(await createSubmission(REGISTRATION, request)).toEqual({ kind: 'failed' });
  });
});
