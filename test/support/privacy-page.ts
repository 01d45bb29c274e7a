import type { startTestRuntime } from './runtime.ts';

type Runtime = Awaited<ReturnType<typeof startTestRuntime>>['runtime'];

/** Sets the organisation's privacy page: a form without its own links it, and publishing needs one. */
export async function linkPrivacyPage(runtime: Runtime, url = 'https://example.org/datenschutz') {
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${runtime.auth.issueFor('setup', ['admin']).AccessToken}`,
  };
  const current = await (await fetch(`${runtime.urls.api}/admin/settings`, { headers })).json();
  const { logo: _, updatedAt: __, updatedBy: ___, ...fields } = current;
  const saved = await fetch(`${runtime.urls.api}/admin/settings`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ ...fields, privacyUrl: url }),
  });
  if (saved.status !== 200) throw new Error(`settings not saved: ${await saved.text()}`);
}
