import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../functions/shared/contracts/form-definition.ts';
import type { FormDiff, FormDraft, FormImpact } from '../../functions/shared/contracts/form-editor.ts';
import { foldDefaultTexts } from '../../functions/shared/domain/form-fold.ts';
import { fixtureForm } from '../support/fixture-form.ts';
import { eventually } from '../support/poll.ts';
import { startTestRuntime } from '../support/runtime.ts';

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let api: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  env = await startTestRuntime();
  api = env.runtime.urls.api;
  for (const name of ['alice', 'bob']) tokens[name] = env.runtime.auth.issueFor(name, ['admin']).AccessToken;
});
afterAll(async () => env?.stop());

const as = async (who: string, method: string, path: string, body?: unknown) => {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> };
};
const alice = (method: string, path: string, body?: unknown) => as('alice', method, path, body);

const create = (slug: string, from: Record<string, unknown>, title = 'Testformular') =>
  alice('POST', '/admin/forms', { slug, locale: 'de', title, from });

/** A form whose draft is the fixture form (complete in de and en), ready to publish. */
async function formWithDraft(slug: string, definition: Record<string, unknown> = fixtureForm(slug)) {
  expect((await create(slug, { kind: 'blank' })).status).toBe(201);
  const saved = await alice('PUT', `/admin/forms/${slug}/draft`, { revision: 1, definition });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  return saved.body as unknown as FormDraft;
}

const auditEntries = async (action: string, slug: string) => {
  const { body } = await alice('GET', `/admin/audit?action=${action}`);
  return (body.entries as Array<{ target: { id: string }; actor: { username: string } }>).filter(
    (entry) => entry.target.id === slug,
  );
};

describe('creating forms', () => {
  it('creates a blank form as a draft that the list shows, unpublished, and audits it', async () => {
    const created = await create('editor-blank', { kind: 'blank' }, 'Leeres Formular');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      slug: 'editor-blank',
      revision: 1,
      updatedBy: 'alice',
      definition: {
        slug: 'editor-blank',
        defaultLocale: 'de',
        locales: ['de'],
        title: { de: 'Leeres Formular' },
      },
    });
    const { body } = await alice('GET', '/admin/forms');
    const listed = (body.forms as Array<Record<string, unknown>>).find(
      (form) => form.slug === 'editor-blank',
    );
    expect(listed).toEqual({
      slug: 'editor-blank',
      title: { de: 'Leeres Formular' },
      defaultLocale: 'de',
      locales: ['de'],
      workflow: 'submission-received',
      draft: { revision: 1, updatedAt: expect.any(String), updatedBy: 'alice' },
      submissions: 0,
      listed: true,
    });
    expect(await auditEntries('form.create', 'editor-blank')).toHaveLength(1);
  });

  it('creates from a template, a copy and an import, and refuses a taken slug or an unknown source', async () => {
    const { body } = await alice('GET', '/admin/forms/templates');
    const [template] = body.templates as Array<{ id: string }>;
    expect(template).toBeDefined();
    const fromTemplate = await create('editor-template', { kind: 'template', id: template?.id });
    expect(fromTemplate.status).toBe(201);
    expect((fromTemplate.body.definition as Record<string, unknown>).slug).toBe('editor-template');

    const copy = await create('editor-copy', { kind: 'copy', slug: 'editor-template' }, 'Kopie');
    expect(copy.status).toBe(201);
    expect(copy.body.definition).toMatchObject({
      slug: 'editor-copy',
      title: { de: 'Kopie' },
      schema: (fromTemplate.body.definition as Record<string, unknown>).schema,
    });

    const schema = { type: 'object', properties: { city: { type: 'string', title: 'Ort' } } };
    const imported = await create('editor-import', { kind: 'import', schema });
    expect(imported.status).toBe(201);
    expect(imported.body.definition).toMatchObject({
      schema,
      uischema: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/city' }] },
    });

    expect((await create('editor-import', { kind: 'blank' })).status).toBe(409);
    expect((await create('editor-nothing', { kind: 'copy', slug: 'no-such-form' })).status).toBe(404);
    const unknown = await create('editor-unknown', { kind: 'template', id: 'no-such-template' });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('from.id');
  });
});

describe('drafts', () => {
  it('saves an invalid draft with its issues, and refuses a stale revision naming who saved', async () => {
    await create('editor-conflict', { kind: 'blank' });
    const invalid = await alice('PUT', '/admin/forms/editor-conflict/draft', {
      revision: 1,
      definition: { slug: 'editor-conflict', retentionDays: 0 },
    });
    expect(invalid.status).toBe(200);
    expect(invalid.body.revision).toBe(2);
    expect((invalid.body.issues as Array<{ field: string }>).map((issue) => issue.field)).toContain(
      'retentionDays',
    );

    const stale = await as('bob', 'PUT', '/admin/forms/editor-conflict/draft', {
      revision: 1,
      definition: fixtureForm('editor-conflict'),
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      error: 'conflict',
      draft: { revision: 2, updatedBy: 'alice', definition: { retentionDays: 0 } },
    });
    expect(stale.body.message).toContain('alice');

    // Saves within ten minutes are audited once per admin, so autosave does not flood the log.
    expect(
      (
        await alice('PUT', '/admin/forms/editor-conflict/draft', {
          revision: 2,
          definition: fixtureForm('editor-conflict'),
        })
      ).status,
    ).toBe(200);
    expect(await auditEntries('form.draft.save', 'editor-conflict')).toHaveLength(1);

    const notJson = await alice('PUT', '/admin/forms/editor-conflict/draft', {
      revision: 3,
      definition: 'text',
    });
    expect(notJson.status).toBe(400);
    expect(JSON.stringify(notJson.body)).toContain('definition');
  });

  it('answers a form without a draft with its published version as revision 0, and a discard goes back to it', async () => {
    await formWithDraft('editor-discard');
    expect((await alice('POST', '/admin/forms/editor-discard/draft/publish', { revision: 2 })).status).toBe(
      200,
    );
    expect((await alice('DELETE', '/admin/forms/editor-discard/draft')).status).toBe(204);
    const { status, body } = await alice('GET', '/admin/forms/editor-discard/draft');
    expect(status).toBe(200);
    expect(body).toMatchObject({ revision: 0, basedOn: 1, issues: [] });
    expect(await auditEntries('form.draft.discard', 'editor-discard')).toHaveLength(1);
    // Revision 0 starts a new draft; a second editor starting from 0 as well is refused.
    const next = { ...fixtureForm('editor-discard'), retentionDays: 60 };
    expect(
      (await alice('PUT', '/admin/forms/editor-discard/draft', { revision: 0, definition: next })).body,
    ).toMatchObject({ revision: 1, basedOn: 1 });
    expect(
      (await as('bob', 'PUT', '/admin/forms/editor-discard/draft', { revision: 0, definition: next })).status,
    ).toBe(409);
  });

  it('lets exactly one of two simultaneous saves of the same revision win, and refuses a draft too large to store', async () => {
    await create('editor-race', { kind: 'blank' });
    const save = (who: string, retentionDays: number) =>
      as(who, 'PUT', '/admin/forms/editor-race/draft', {
        revision: 1,
        definition: { ...fixtureForm('editor-race'), retentionDays },
      });
    const results = await Promise.all([save('alice', 40), save('bob', 50)]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    const winner = results.find((result) => result.status === 200)?.body as unknown as FormDraft;
    const { body: stored } = await alice('GET', '/admin/forms/editor-race/draft');
    expect(stored).toMatchObject({ revision: 2, updatedBy: winner.updatedBy, definition: winner.definition });

    const huge = { ...fixtureForm('editor-race'), description: { de: 'x'.repeat(420 * 1024) } };
    const tooLarge = await alice('PUT', '/admin/forms/editor-race/draft', { revision: 2, definition: huge });
    expect(tooLarge.status).toBe(413);
  });

  it('removes a never-published form with its draft, and knows no draft of an unknown form', async () => {
    await create('editor-gone', { kind: 'blank' });
    expect((await alice('DELETE', '/admin/forms/editor-gone/draft')).status).toBe(204);
    expect((await alice('GET', '/admin/forms/editor-gone/draft')).status).toBe(404);
    expect(
      (await alice('PUT', '/admin/forms/no-such-form/draft', { revision: 0, definition: {} })).status,
    ).toBe(404);
  });
});

describe('publishing a draft', () => {
  it('refuses with the missing translations per language, then publishes without that language', async () => {
    const definition = fixtureForm('editor-arabic', { arabic: true });
    const ar = definition.translations.ar as Record<string, string>;
    delete ar['name.label'];
    delete ar['topics.work'];
    const draft = await formWithDraft('editor-arabic', definition);

    const refused = await alice('POST', '/admin/forms/editor-arabic/draft/publish', {
      revision: draft.revision,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('validation_failed');
    const missing = refused.body.missingTranslations as Record<string, Array<{ key: string; text: string }>>;
    expect(missing.ar).toEqual(
      expect.arrayContaining([
        { key: 'name.label', text: 'Vorname' },
        { key: 'topics.work', text: 'Arbeit' },
      ]),
    );
    expect(Object.keys(missing)).toEqual(['ar']);

    const published = await alice('POST', '/admin/forms/editor-arabic/draft/publish', {
      revision: draft.revision,
      withoutLocales: ['ar'],
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body).toMatchObject({ version: 1, revision: draft.revision + 1 });
    const served = (await (await fetch(`${api}/forms/editor-arabic?locale=ar`)).json()) as Record<
      string,
      unknown
    >;
    expect(served).toMatchObject({ version: 1, locales: ['de', 'en'], locale: 'de' });
    // The draft keeps Arabic for later, now based on version 1.
    const { body: kept } = await alice('GET', '/admin/forms/editor-arabic/draft');
    expect(kept).toMatchObject({
      revision: draft.revision + 1,
      basedOn: 1,
      definition: { locales: ['de', 'en', 'ar'] },
    });
    const entries = await auditEntries('form.publish', 'editor-arabic');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ after: { publishedVersion: 1 }, details: { withoutLocales: ['ar'] } });

    const stale = await alice('POST', '/admin/forms/editor-arabic/draft/publish', {
      revision: draft.revision,
    });
    expect(stale.status).toBe(409);
    const defaultDropped = await alice('POST', '/admin/forms/editor-arabic/draft/publish', {
      revision: draft.revision + 1,
      withoutLocales: ['de'],
    });
    expect(defaultDropped.status).toBe(400);
    expect(JSON.stringify(defaultDropped.body)).toContain('withoutLocales');
  });

  it("needs a privacy page: the form's own or the organisation's", async () => {
    const definition = fixtureForm('editor-privacy');
    const { privacyUrl: _dropped, ...consent } = definition.consent;
    const draft = await formWithDraft('editor-privacy', { ...definition, consent });
    expect(draft.issues.map((issue) => issue.field)).toEqual(['consent.privacyUrl']);
    const refused = await alice('POST', '/admin/forms/editor-privacy/draft/publish', {
      revision: draft.revision,
    });
    expect(refused.status).toBe(400);
    expect((refused.body.issues as Array<{ field: string }>).map((issue) => issue.field)).toEqual([
      'consent.privacyUrl',
    ]);

    const { body: settings } = await alice('GET', '/admin/settings');
    const updated = await alice('PUT', '/admin/settings', {
      ...settings,
      privacyUrl: 'https://example.org/privacy',
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(
      (await alice('POST', '/admin/forms/editor-privacy/draft/publish', { revision: draft.revision })).status,
    ).toBe(200);
  });
});

describe('diff, impact and export', () => {
  const submit = (slug: string, data: Record<string, unknown>) =>
    fetch(`${api}/forms/${slug}/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.77.1.1' },
      body: JSON.stringify({
        submissionId: randomUUID(),
        formVersion: 1,
        locale: 'de',
        data,
        consent: { version: '2026-11-01', accepted: true },
      }),
    });

  it('shows what changed and what it breaks, counted over real submissions', async () => {
    const draft = await formWithDraft('editor-impact');
    expect(
      (await alice('POST', '/admin/forms/editor-impact/draft/publish', { revision: draft.revision })).status,
    ).toBe(200);
    const answers = [
      { name: 'Ada', email: 'ada@example.org', age: 30, topics: ['work'] },
      { name: 'Bo', email: 'bo@example.org', age: 40, topics: ['housing'] },
      { name: 'Cy', email: 'cy@example.org' },
    ];
    for (const data of answers) expect((await submit('editor-impact', data)).status).toBe(202);

    const next = fixtureForm('editor-impact', { nameLabel: 'Vollständiger Name' });
    const properties = next.schema.properties as Record<string, Record<string, unknown>>;
    delete properties.age;
    next.uischema.elements = next.uischema.elements.filter((element) => element.scope !== '#/properties/age');
    properties.topics = { type: 'array', items: { type: 'string', enum: ['housing'] }, uniqueItems: true };
    next.schema.required = ['name', 'email', 'topics'];
    for (const texts of Object.values(next.translations)) {
      const table = texts as Record<string, string>;
      delete table['age.label'];
      delete table['age.error.minimum'];
      delete table['topics.work'];
    }
    const saved = await alice('PUT', '/admin/forms/editor-impact/draft', {
      revision: draft.revision + 1,
      definition: next,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);

    const diff = (await alice('GET', '/admin/forms/editor-impact/diff?from=1&to=draft'))
      .body as unknown as FormDiff;
    expect(diff.fields.removed.map((field) => field.path)).toEqual(['age']);
    expect(diff.fields.changed).toEqual([
      { path: 'name', label: 'Vollständiger Name', changes: ['label: Vorname → Vollständiger Name'] },
      { path: 'topics', label: 'Themen', changes: ['required', 'options: -work'] },
    ]);
    expect(diff.texts.de).toEqual(
      expect.arrayContaining([{ key: 'name.label', before: 'Vorname', after: 'Vollständiger Name' }]),
    );

    const impact = await eventually(
      async () => {
        const { body } = await alice('GET', '/admin/forms/editor-impact/impact?to=draft');
        return (body as unknown as FormImpact).submissions === 3
          ? (body as unknown as FormImpact)
          : undefined;
      },
      { what: 'the three submissions in the inbox' },
    );
    expect(impact.against).toBe(1);
    expect(impact.breaking.map((change) => [change.path, change.change, change.submissions])).toEqual([
      ['age', 'removed', 2],
      ['topics', 'narrowed', 1],
      ['topics', 'newly-required', 1],
    ]);
    const { body: list } = await alice('GET', '/admin/forms');
    expect(
      (list.forms as Array<{ slug: string; submissions: number }>).find((f) => f.slug === 'editor-impact'),
    ).toMatchObject({ submissions: 3, publishedVersion: 1, latestVersion: 1 });

    expect((await alice('GET', '/admin/forms/editor-impact/diff?from=1&to=9')).status).toBe(404);
    const bad = await alice('GET', '/admin/forms/editor-impact/diff?from=one&to=draft');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('from');
  });

  it('exports a version as the two JSON Forms files, which import back to the same form', async () => {
    const draft = await formWithDraft('editor-export');
    await alice('POST', '/admin/forms/editor-export/draft/publish', { revision: draft.revision });
    const exported = await alice('GET', '/admin/forms/editor-export/versions/1/export');
    expect(exported.status).toBe(200);
    const original = fixtureForm('editor-export');
    // The fixture keeps its German labels in translations.de, as forms did before issue 10: the
    // export folds them into the documents, so another JSON Forms host shows them too.
    const folded = foldDefaultTexts(original as unknown as FormDefinition);
    expect(exported.body).toEqual({ schema: folded.schema, uischema: folded.uischema });
    expect(folded.schema).toMatchObject({ properties: { name: { title: 'Vorname' } } });
    const imported = await alice('POST', '/admin/forms/import', {
      ...exported.body,
      locale: 'de',
      slug: 'editor-reimport',
    });
    expect(imported.status).toBe(200);
    expect(imported.body.definition).toMatchObject({ slug: 'editor-reimport', ...exported.body });
    expect((await alice('GET', '/admin/forms/editor-reimport/draft')).status).toBe(404);
    expect((await alice('GET', '/admin/forms/editor-export/versions/7/export')).status).toBe(404);
  });
});
