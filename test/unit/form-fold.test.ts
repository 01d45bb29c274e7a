import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../functions/shared/contracts/form-definition.ts';
import { foldDefaultTexts } from '../../functions/shared/domain/form-fold.ts';
import { formTexts } from '../../functions/shared/domain/form-texts.ts';
import { validateFormDefinition } from '../../functions/shared/domain/form-validation.ts';

const shipped = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../forms/${name}.json`, import.meta.url), 'utf8')) as FormDefinition;

describe('an older form becomes a draft with its default language in the documents', () => {
  it.each(['integrationslotsen-registrierung', 'beratung-anfrage', 'foerderantrag-initiative'])(
    '%s: still valid, fewer default-language translations, every text the same in every language',
    (name) => {
      const original = shipped(name);
      const folded = foldDefaultTexts(original);
      expect(validateFormDefinition(structuredClone(folded))).toMatchObject({ ok: true });
      const before = Object.keys(original.translations[original.defaultLocale] ?? {}).length;
      const after = Object.keys(folded.translations[folded.defaultLocale] ?? {}).length;
      expect(after).toBeLessThan(before / 2);
      // What a reader sees: the default text of each key, overridden by the language's translation.
      const seen = (definition: FormDefinition, locale: string) =>
        Object.fromEntries(
          formTexts(definition)
            .filter((text) => text.kind === 'label' || text.kind === 'description' || text.kind === 'layout')
            .map((text) => [
              text.key,
              definition.translations[locale]?.[text.key] ??
                definition.translations[definition.defaultLocale]?.[text.key] ??
                text.text,
            ]),
        );
      for (const locale of original.locales)
        expect(seen(folded, locale)).toMatchObject(seen(original, locale));
    },
  );

  it('leaves the original untouched and a form without default-language translations as it is', () => {
    const original = shipped('integrationslotsen-registrierung');
    const copy = structuredClone(original);
    foldDefaultTexts(original);
    expect(original).toEqual(copy);
    const clean = { ...original, translations: {} };
    expect(foldDefaultTexts(clean)).toBe(clean);
  });
});
