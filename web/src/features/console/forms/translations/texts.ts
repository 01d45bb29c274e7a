/*
 * The one place the editor gets a form's texts from. Until functions/shared/domain/form-texts.ts
 * is merged this is the local walker; afterwards: `export { formTexts } from '#shared/domain/form-texts.ts';`
 */
export { formTextsFallback as formTexts } from './texts-fallback.ts';
