import type { FormDefinition } from '#shared/contracts/form-definition.ts';

export type Json = Record<string, unknown>;

/** A form definition while it is being edited: every part may still be missing. */
export type FormDefinitionDraft = Partial<FormDefinition>;

/**
 * A UI schema element's place as the indices through nested `elements` arrays, joined with '.'
 * ("2.0" = first child of the root's third element); '' is the root layout. Ids change when
 * elements move, so operations that move or add return the element's new id.
 */
export type ElementId = string;

export const paletteTypes = [
  'shortText',
  'longText',
  'email',
  'phone',
  'number',
  'date',
  'singleChoice',
  'multipleChoice',
  'yesNo',
  'consent',
  'address',
  'repeatingGroup',
  'section',
  'text',
  'step',
] as const;
export type PaletteType = (typeof paletteTypes)[number];

/** What a Control's schema looks like to the editor; 'other' for anything it does not build. */
export type FieldType = Exclude<PaletteType, 'section' | 'text' | 'step'> | 'other';

/** Where something goes: the container's id and the index among its elements. */
export interface Slot {
  readonly parent: ElementId;
  readonly index: number;
}

export interface EditResult {
  readonly definition: FormDefinitionDraft;
  /** The id of the added or moved element after the change. */
  readonly id: ElementId;
}

export interface Choice {
  readonly value: string;
  readonly label: string;
}

/** "Show when" and "required when": a field and the value it must have. */
export interface Condition {
  /** The scope of the field the condition looks at, such as `#/properties/district`. */
  readonly scope: string;
  readonly value: string | number | boolean;
}
