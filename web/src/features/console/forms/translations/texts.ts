import type { FormDefinition } from '#shared/contracts/form-definition.ts';
import { formTexts as serverFormTexts } from '#shared/domain/form-texts.ts';
import type { DraftDefinition, FormText } from './form-text.ts';
import { formTextsFallback } from './texts-fallback.ts';

/**
 * The one place the editor gets a form's texts from: the server's own walk (the same keys
 * validation requires), and for a draft too broken to walk (no schema yet, a half-typed UI
 * schema) the editor's lenient walker, so the grid never goes blank while someone is typing.
 */
export function formTexts(definition: DraftDefinition): FormText[] {
  try {
    return serverFormTexts(definition as unknown as FormDefinition) as FormText[];
  } catch {
    return formTextsFallback(definition);
  }
}
