/** The field library the palette offers: common fields with their texts in every shipped language. */
export { fieldLibrary } from '#shared/forms/field-library.ts';
