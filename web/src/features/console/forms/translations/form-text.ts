import type { FormDefinition } from '#shared/contracts/form-definition.ts';

/**
 * One text of a form as the shared text model names it (functions/shared/domain/form-texts.ts):
 * its i18n key, the default-language text, what kind of text it is and where a person finds it.
 */
export interface FormText {
  readonly key: string;
  readonly text: string;
  readonly kind: 'label' | 'description' | 'option' | 'layout' | 'label-element' | 'title' | 'consent';
  readonly where: string;
}

/** A definition while it is edited: any part may be missing or wrong. */
export type DraftDefinition = Partial<FormDefinition> & Record<string, unknown>;

export const SHIPPED_LOCALES = ['de', 'en', 'ar', 'fa', 'uk', 'tr', 'ru'] as const;
