import { formReadDeps } from '#shared/form-store-deps.ts';
import { routeDispatcher } from '#shared/http/route-dispatch.ts';
import { formGet } from './form.ts';
import { validatorGet } from './validator.ts';

const deps = formReadDeps();

/** The public form page's reads: the published form, and its precompiled validator. */
export const handler = routeDispatcher({
  'GET /api/forms/{slug}': formGet(deps),
  'GET /api/forms/{slug}/versions/{version}/validator.js': validatorGet(deps),
});
