import type { DefaultTexts } from './defaults.ts';
import type { Json, PaletteType } from './types.ts';

export interface NewField {
  readonly schema: Json;
  readonly options?: Json;
  readonly required?: boolean;
  /** Elements of a repeating group's entry, relative to the item schema. */
  readonly detail?: Json;
}

const choices = (t: DefaultTexts) => [
  { const: 'option-1', title: `${t.option} 1` },
  { const: 'option-2', title: `${t.option} 2` },
];

/** The JSON Schema (and Control options) of a new field of a palette type. */
export function newField(type: PaletteType, label: string, t: DefaultTexts): NewField | undefined {
  const titled = (schema: Json): Json => ({ ...schema, title: label });
  switch (type) {
    case 'shortText':
      return { schema: titled({ type: 'string' }) };
    case 'longText':
      return { schema: titled({ type: 'string' }), options: { multi: true } };
    case 'email':
      return { schema: titled({ type: 'string', format: 'email' }), options: { autocomplete: 'email' } };
    case 'phone':
      return { schema: titled({ type: 'string' }), options: { autocomplete: 'tel' } };
    case 'number':
      return { schema: titled({ type: 'number' }) };
    case 'date':
      return { schema: titled({ type: 'string', format: 'date' }) };
    case 'singleChoice':
      return { schema: titled({ type: 'string', oneOf: choices(t) }) };
    case 'multipleChoice':
      return {
        schema: titled({ type: 'array', uniqueItems: true, items: { type: 'string', oneOf: choices(t) } }),
      };
    case 'yesNo':
      return { schema: titled({ type: 'boolean' }) };
    case 'consent':
      // A box the person must tick: `const: true` refuses an unticked box, `required` an untouched one.
      return { schema: titled({ type: 'boolean', const: true }), required: true };
    case 'address':
      return {
        schema: titled({
          type: 'object',
          properties: {
            street: { type: 'string', title: t.street },
            postcode: { type: 'string', title: t.postcode },
            city: { type: 'string', title: t.city },
          },
          required: ['street', 'postcode', 'city'],
        }),
      };
    case 'repeatingGroup':
      return {
        schema: titled({
          type: 'array',
          items: { type: 'object', properties: { entry: { type: 'string', title: t.entry } } },
        }),
        detail: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/entry' }] },
      };
    default:
      return undefined;
  }
}
