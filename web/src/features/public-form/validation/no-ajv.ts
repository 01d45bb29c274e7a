/**
 * Stands in for `ajv` and `ajv-formats` where @jsonforms/core imports them (web/vite.config.ts),
 * for its `createAjv`, which runs only when a JsonForms gets no `ajv`. Every JsonForms here gets
 * one (the server-compiled validators on the public page, browserAjv in the console), so ajv's
 * compiler (35 kB gzip with ajv-formats and fast-uri) stays off the public page.
 */
export default class NoAjv {
  constructor() {
    throw new Error('JSON Forms was given no ajv: pass the precompiled validator or browserAjv()');
  }
}
