import { randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureForm } from '../support/fixture-form.ts';
import { eventually } from '../support/poll.ts';
import { mailbox, startTestRuntime } from '../support/runtime.ts';

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let api: string;
const bearer = (username: string, group: 'admin' | 'coordinator' | 'viewer') =>
  `Bearer ${env.runtime.auth.issueFor(username, [group]).AccessToken}`;
let admin: string;

beforeAll(async () => {
  env = await startTestRuntime();
  api = env.runtime.urls.api;
  admin = bearer('ada', 'admin');
});

afterAll(async () => {
  await env?.stop();
});

const call = (method: string, path: string, body?: unknown, authorization = admin) =>
  fetch(`${api}${path}`, {
    method,
    headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

interface Settings {
  version: number;
  name: string;
  senderName: string;
  locales: string[];
  primaryColour: string;
  auditRetentionDays: number;
  logo?: { hash: string; width: number; height: number };
}

const load = async () => (await (await call('GET', '/admin/settings')).json()) as Settings;

const edit = (base: Settings, changes: Record<string, unknown> = {}) => ({
  version: base.version,
  name: base.name,
  senderName: base.senderName,
  locales: base.locales,
  primaryColour: base.primaryColour,
  auditRetentionDays: base.auditRetentionDays,
  ...changes,
});

/** A real PNG of the given size (one grey row repeated), made here so the test needs no fixture file. */
function png(width: number, height: number, padTo = 0): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(body));
    return Buffer.concat([head, body, tail]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const rows = Buffer.concat(Array.from({ length: height }, () => Buffer.alloc(width + 1, 0x80)));
  const parts = [
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
  ];
  const size = parts.reduce((sum, part) => sum + part.length, 0) + 12;
  if (padTo > size) parts.push(chunk('tEXt', Buffer.alloc(padTo - size - 12, 0x41)));
  parts.push(chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}

describe('organisation settings', () => {
  it('serves the environment defaults before anyone saved', async () => {
    const response = await fetch(`${api}/settings`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      name: 'Lotse',
      locales: ['de', 'en', 'ar', 'uk'],
      primaryColour: '#0b5394',
    });
    expect(body).not.toHaveProperty('auditRetentionDays');
    const again = await fetch(`${api}/settings`, {
      headers: { 'if-none-match': response.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);
    expect((await load()).version).toBe(0);
  });

  it('lets only admins read or change them or read the audit log', async () => {
    for (const path of ['/admin/settings', '/admin/audit']) {
      expect((await fetch(`${api}${path}`)).status, path).toBe(401);
      expect((await call('GET', path, undefined, bearer('cora', 'coordinator'))).status, path).toBe(403);
      expect((await call('GET', path, undefined, bearer('victor', 'viewer'))).status, path).toBe(403);
    }
    const base = await load();
    const attempt = await call(
      'PUT',
      '/admin/settings',
      edit(base, { name: 'X' }),
      bearer('cora', 'coordinator'),
    );
    expect(attempt.status).toBe(403);
    expect((await fetch(`${api}/admin/settings`, { method: 'PUT' })).status).toBe(401);
    expect((await load()).name).toBe(base.name);
  });

  it('refuses bad input with a 400 that names the field', async () => {
    const base = await load();
    const cases: Array<[Record<string, unknown>, string, RegExp?]> = [
      [{ name: '' }, 'name'],
      [{ primaryColour: '#ffdd00' }, 'primaryColour', /contrast of 1\.\d+:1.*4\.5:1/],
      [{ primaryColour: 'blue' }, 'primaryColour'],
      [{ locales: [] }, 'locales'],
      [{ locales: ['de', 'de'] }, 'locales'],
      [{ replyTo: 'not an address' }, 'replyTo'],
      [{ privacyUrl: 'javascript:alert(1)' }, 'privacyUrl'],
      [{ senderName: 'Evil\r\nBcc: x@example.org' }, 'senderName'],
      [{ auditRetentionDays: 1 }, 'auditRetentionDays'],
      [{ extra: true }, 'extra'],
    ];
    for (const [changes, field, message] of cases) {
      const response = await call('PUT', '/admin/settings', edit(base, changes));
      expect(response.status, JSON.stringify(changes)).toBe(400);
      const { error } = await response.json();
      expect(
        error.issues.map((issue: { field: string }) => issue.field),
        JSON.stringify(changes),
      ).toContain(field);
      if (message) expect(error.message).toMatch(message);
    }
  });

  it('checks a logo by its bytes: no SVG, nothing over 200 kB, sensible dimensions', async () => {
    const base = await load();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
    const cases: Array<[Buffer, RegExp]> = [
      [svg, /PNG, JPEG or WebP/],
      [png(64, 64, 210 * 1024), /at most 200 kB/],
      [png(8, 8), /between 16 and/],
    ];
    for (const [image, message] of cases) {
      const response = await call('PUT', '/admin/settings', edit(base, { logo: image.toString('base64') }));
      expect(response.status).toBe(400);
      const { error } = await response.json();
      expect(error.issues).toEqual([{ field: 'logo', message: expect.stringMatching(message) }]);
    }
    expect((await load()).version).toBe(base.version);
  });

  it('saves, serves the logo under its hash for a year, and refuses a stale save with 409', async () => {
    const base = await load();
    const logo = png(120, 40);
    const saved = await call(
      'PUT',
      '/admin/settings',
      edit(base, {
        name: 'Freiwilligenzentrum Nord',
        privacyUrl: 'https://example.org/datenschutz',
        imprintUrl: 'https://example.org/impressum',
        locales: ['de', 'en'],
        primaryColour: '#1d4e89',
        logo: logo.toString('base64'),
      }),
    );
    expect(saved.status).toBe(200);
    const stored = (await saved.json()) as Settings;
    expect(stored).toMatchObject({ version: base.version + 1, logo: { width: 120, height: 40 } });

    const open = (await (await fetch(`${api}/settings`)).json()) as { logo: { url: string } };
    expect(open).toMatchObject({
      name: 'Freiwilligenzentrum Nord',
      privacyUrl: 'https://example.org/datenschutz',
      imprintUrl: 'https://example.org/impressum',
      locales: ['de', 'en'],
      primaryColour: '#1d4e89',
    });
    expect(open.logo.url).toBe(`/api/settings/logo?v=${stored.logo?.hash}`);
    const image = await fetch(new URL(open.logo.url, env.runtime.urls.web));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await image.arrayBuffer()).equals(logo)).toBe(true);
    expect((await fetch(`${api}/settings/logo?v=0000000000000000`)).status).toBe(404);

    const stale = await call('PUT', '/admin/settings', edit(base, { name: 'Lost edit' }));
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.message).toMatch(/changed by ada/);

    // Saving without a logo field keeps it; null removes it.
    const kept = (await (await call('PUT', '/admin/settings', edit(stored))).json()) as Settings;
    expect(kept.logo?.hash).toBe(stored.logo?.hash);
    const removed = (await (
      await call('PUT', '/admin/settings', edit(kept, { logo: null }))
    ).json()) as Settings;
    expect(removed.logo).toBeUndefined();
    expect((await fetch(`${api}/settings/logo`)).status).toBe(404);
  });

  it('puts a change into the very next e-mail: sender name, Reply-To and organisation name', async () => {
    const base = await load();
    const saved = await call(
      'PUT',
      '/admin/settings',
      edit(base, { name: 'Stadtteilhaus Süd', senderName: 'Stadtteilhaus Süd', replyTo: 'team@example.org' }),
    );
    expect(saved.status).toBe(200);
    const recipient = `${randomUUID()}@example.org`;
    const started = await fetch(`${api}/system-checks`, {
      method: 'POST',
      headers: { authorization: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ recipient, locale: 'de' }),
    });
    expect(started.status).toBe(202);
    const mail = (await eventually(async () =>
      (await mailbox(env.runtime)).find((m) => m.destination.to.includes(recipient)),
    )) as unknown as { from: string; replyTo: string[]; body: { text: string } };
    expect(mail.from).toBe(
      `=?UTF-8?B?${Buffer.from('Stadtteilhaus Süd').toString('base64')}?= <lotse@example.org>`,
    );
    expect(mail.replyTo).toEqual(['team@example.org']);
    expect(mail.body.text).toContain('— Stadtteilhaus Süd');
  });

  it('records each change in the audit log, newest first, with before and after (the logo as its hash)', async () => {
    const response = await call('GET', '/admin/audit?action=settings.update&limit=2');
    expect(response.status).toBe(200);
    const page = (await response.json()) as {
      entries: {
        at: string;
        actor: { username: string };
        action: string;
        before: Settings;
        after: Settings;
      }[];
      cursor?: string;
    };
    expect(page.entries).toHaveLength(2);
    const [newest, previous] = page.entries;
    expect((newest?.at ?? '') >= (previous?.at ?? '')).toBe(true);
    expect(newest).toMatchObject({
      actor: { username: 'ada' },
      action: 'settings.update',
      after: { name: 'Stadtteilhaus Süd', replyTo: 'team@example.org' },
    });
    expect(newest?.before.version).toBe((newest?.after.version ?? 0) - 1);
    expect(page.cursor).toBeTruthy();
    const rest = (await (
      await call('GET', `/admin/audit?action=settings.update&cursor=${page.cursor}`)
    ).json()) as typeof page;
    const all = [...page.entries, ...rest.entries];
    expect(all).toHaveLength(4);
    const withLogo = all.find((entry) => typeof entry.after.logo === 'string');
    expect(withLogo?.after.logo).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(all)).not.toContain('iVBOR');

    const byActor = (await (await call('GET', '/admin/audit?actor=test-ada')).json()) as typeof page;
    expect(byActor.entries.length).toBeGreaterThanOrEqual(4);
    const nobody = (await (await call('GET', '/admin/audit?actor=test-nobody')).json()) as typeof page;
    expect(nobody.entries).toEqual([]);
    expect((await call('GET', '/admin/audit?from=yesterday')).status).toBe(400);
    expect((await call('GET', '/admin/audit?cursor=garbage')).status).toBe(400);
    const reversed = await call('GET', '/admin/audit?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z');
    expect((await reversed.json()).error.issues[0].field).toBe('from');
  });

  it('records form saves, publications and rollbacks with the version numbers before and after', async () => {
    const slug = `audit-${randomUUID().slice(0, 8)}`;
    const save = async () => {
      const response = await call('POST', `/admin/forms/${slug}/versions`, fixtureForm(slug));
      expect(response.status).toBe(201);
      return ((await response.json()) as { version: number }).version;
    };
    const v1 = await save();
    const v2 = await save();
    expect((await call('POST', `/admin/forms/${slug}/versions/${v1}/publish`)).status).toBe(200);
    expect((await call('POST', `/admin/forms/${slug}/versions/${v2}/publish`)).status).toBe(200);
    expect((await call('POST', `/admin/forms/${slug}/rollback`, {})).status).toBe(200);
    const entries = (
      (await (await call('GET', '/admin/audit?limit=200')).json()) as {
        entries: { action: string; target: { id: string }; before: unknown; after: unknown }[];
      }
    ).entries.filter((entry) => entry.target.id === slug);
    expect(entries.map(({ action, before, after }) => ({ action, before, after }))).toEqual([
      { action: 'form.rollback', before: { publishedVersion: v2 }, after: { publishedVersion: v1 } },
      { action: 'form.publish', before: { publishedVersion: v1 }, after: { publishedVersion: v2 } },
      { action: 'form.publish', before: { publishedVersion: null }, after: { publishedVersion: v1 } },
      { action: 'form.save', before: { version: v1 }, after: { version: v2 } },
      { action: 'form.save', before: { version: null }, after: { version: v1 } },
    ]);
  });
});
