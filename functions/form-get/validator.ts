import { NotFoundError, ValidationError } from '#shared/domain/errors.ts';
import { validatorModule } from '#shared/domain/form-validator-module.ts';
import { getPublished } from '#shared/domain/published-version.ts';
import { httpHandler } from '#shared/http/middleware.ts';
import type { FormsDeps } from './form.ts';

// A published version never changes, so neither does its module: generated once per warm function.
const modules = new Map<string, string>();
const MAX_CACHED = 50;

/**
 * `GET /api/forms/{slug}/versions/{version}/validator.js`: the published version's validators as
 * an ES module (form-validator-module.ts). Immutable: the URL names the version, and a version's
 * schema never changes. Only the published version is served; an earlier one is 404.
 */
export const validatorGet = (deps: FormsDeps) =>
  httpHandler(async ({ event }) => {
    const slug = event.pathParameters?.slug ?? '';
    const raw = event.pathParameters?.version ?? '';
    if (!/^[1-9]\d{0,8}$/.test(raw))
      throw new ValidationError([{ field: 'version', message: 'must be a version number (1, 2, …)' }]);
    const key = `${slug}@${raw}`;
    let body = modules.get(key);
    if (body === undefined) {
      const published = await getPublished(deps, slug);
      if (published.version !== Number(raw))
        throw new NotFoundError('This version of the form is not the published one.');
      body = validatorModule(published.definition.schema, published.definition.uischema);
      if (modules.size >= MAX_CACHED) modules.delete(modules.keys().next().value as string);
      modules.set(key, body);
    }
    return {
      statusCode: 200,
      headers: {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
      },
      body,
    };
  });
