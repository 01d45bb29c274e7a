/**
 * What an export needs from a JSON Forms UI schema: the order in which the page shows the fields,
 * and each Control's own `i18n` key or literal `label`. Paths are data paths without array
 * indices (`languages.level`), as the translation keys use them.
 */
export interface UiLayout {
  /** `names` (the properties under `prefix`) in the order the form shows them; unshown ones last. */
  ordered(prefix: readonly string[], names: readonly string[]): string[];
  i18nOf(key: string): string | undefined;
  labelOf(key: string): string | undefined;
}

interface UiElement {
  readonly type?: string;
  readonly scope?: string;
  readonly i18n?: string;
  readonly label?: unknown;
  readonly elements?: readonly unknown[];
  readonly options?: { readonly detail?: unknown };
}

export function uiLayout(uischema: unknown): UiLayout {
  const order: string[] = [];
  const controls = new Map<string, UiElement>();
  const visit = (node: unknown, prefix: readonly string[]) => {
    if (!node || typeof node !== 'object') return;
    const element = node as UiElement;
    if (element.type === 'Control' && typeof element.scope === 'string') {
      const key = [...prefix, ...scopePath(element.scope)].join('.');
      order.push(key);
      if (!controls.has(key)) controls.set(key, element);
      // A list's detail layout scopes its controls relative to one entry.
      visit(element.options?.detail, key.split('.'));
    }
    for (const child of element.elements ?? []) visit(child, prefix);
  };
  visit(uischema, []);

  const rank = (key: string) => {
    const found = order.findIndex((shown) => shown === key || shown.startsWith(`${key}.`));
    return found < 0 ? Number.MAX_SAFE_INTEGER : found;
  };
  return {
    ordered: (prefix, names) =>
      names
        .map((name, index) => ({ name, index, rank: rank([...prefix, name].join('.')) }))
        .sort((a, b) => a.rank - b.rank || a.index - b.index)
        .map(({ name }) => name),
    i18nOf: (key) => controls.get(key)?.i18n,
    labelOf: (key) => {
      const label = controls.get(key)?.label;
      return typeof label === 'string' ? label : undefined;
    },
  };
}

/** `#/properties/address/properties/street` → `['address', 'street']`; `items` steps are skipped. */
function scopePath(scope: string): string[] {
  const segments = scope.replace(/^#\/?/, '').split('/');
  return segments.filter((_, index) => segments[index - 1] === 'properties');
}
