import type { LibraryFieldLike } from './model/library.ts';

/**
 * The field library the palette offers. functions/shared/forms/field-library.ts is written in
 * parallel; once it is on main this becomes
 * `export { fieldLibrary } from '#shared/forms/field-library.ts';`
 */
export const fieldLibrary: readonly LibraryFieldLike[] = [];
