import type { JsonSchema, Translator } from '@jsonforms/core';
import { format, type Messages } from '../messages.ts';

/** `firstName` → `First name`: the last resort when neither a translation nor a title exists. */
export function humanise(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `languages.0.level` → `languages.level`, the i18n key prefix JSON Forms uses. */
export const keyPrefixOf = (path: string) =>
  path
    .split('.')
    .filter((segment) => !/^\d+$/.test(segment))
    .join('.') || 'root';

/** A field's label: its `<prefix>.label` translation, else the schema title, else its name. */
export function labelOf(prefix: string, schema: JsonSchema | undefined, translate: Translator): string {
  const fallback = schema?.title ?? humanise(prefix.split('.').pop() ?? prefix);
  return translate(`${prefix}.label`, fallback);
}

export interface ArrayWords {
  /** "Language 2": the legend of one entry's fieldset. */
  readonly legend: (index: number) => string;
  readonly add: string;
  readonly remove: (index: number) => string;
  readonly empty: string;
}

/** The first property of an entry ("language" in a list of languages), which names the entries. */
export function firstPropertyOf(items: JsonSchema | undefined): string | undefined {
  return Object.keys(items?.properties ?? {})[0];
}

/**
 * Words for a list of entries (an array of objects). An entry is named by `<prefix>.itemLabel`, else
 * by the label of its first field ("Language" → "Language 2", "Add Language", "Remove Language 2"),
 * else "Languages, entry 2". `<prefix>.addAriaLabel` and `<prefix>.noDataMessage` are JSON Forms'
 * own array keys and win where a form has them.
 */
export function arrayWords(
  prefix: string,
  label: string,
  items: JsonSchema | undefined,
  translate: Translator,
  messages: Messages,
): ArrayWords {
  const first = firstPropertyOf(items);
  const itemLabel =
    translate(`${prefix}.itemLabel`) ?? (first ? translate(`${prefix}.${first}.label`) : undefined);
  const legend = (index: number) =>
    itemLabel ? `${itemLabel} ${index + 1}` : format(messages.item, { label, n: index + 1 });
  return {
    legend,
    add:
      translate(`${prefix}.addAriaLabel`) ??
      format(messages.addItem, { item: itemLabel ?? format(messages.itemOf, { label }) }),
    remove: (index) => format(messages.removeItem, { item: legend(index) }),
    empty: translate(`${prefix}.noDataMessage`) ?? messages.noItems,
  };
}
