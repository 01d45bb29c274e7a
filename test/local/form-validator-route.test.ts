import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime } from '../support/runtime.ts';
import { REGISTRATION } from '../web/support/shipped-forms.ts';

let env: Awaited<ReturnType<typeof startTestRuntime>>;
beforeAll(async () => {
  env = await startTestRuntime();
});
afterAll(async () => {
  await env?.stop();
});

const validatorOf = (slug: string, version: string | number) =>
  fetch(`${env.runtime.urls.api}/forms/${slug}/versions/${version}/validator.js`);

describe('GET /api/forms/{slug}/versions/{version}/validator.js', () => {
  it('serves the published version as an immutable JavaScript module', async () => {
    const form = (await (await fetch(`${env.runtime.urls.api}/forms/${REGISTRATION}`)).json()) as {
      version: number;
    };
    const response = await validatorOf(REGISTRATION, form.version);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const body = await response.text();
    expect(body).toMatch(/^export const requires = \[/m);
    expect(body).toMatch(/^export default function validators\(require\)/m);
    expect(body).not.toMatch(/\beval\(|new Function/);
  });

  it('answers 404 for a version that is not the published one and for an unknown form', async () => {
    expect((await validatorOf(REGISTRATION, 999)).status).toBe(404);
    expect((await validatorOf('no-such-form', 1)).status).toBe(404);
  });

  it('answers 400 naming the version when it is not a number', async () => {
    const response = await validatorOf(REGISTRATION, 'latest');
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('version');
  });
});
