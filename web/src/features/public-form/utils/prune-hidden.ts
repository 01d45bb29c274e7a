import { isVisible, type UISchemaElement } from '@jsonforms/core';
import type { Ajv, ErrorObject } from 'ajv';

type Data = Record<string, unknown>;
type Element = UISchemaElement & { scope?: string; elements?: Element[] };

/**
 * Answers in fields that a rule hides are not part of what the person sends: someone who typed a
 * phone number and then chose "contact me by e-mail" must not be blocked by the hidden phone
 * field. Returns the data without them, and the schema errors of what is left.
 */
export function withoutHiddenAnswers(
  uischema: UISchemaElement,
  schema: object,
  data: Data,
  ajv: Ajv,
): { data: Data; errors: ErrorObject[] } {
  const pruned = structuredClone(data);
  const visit = (element: Element, hidden: boolean) => {
    const hiddenHere =
      hidden || (element.rule !== undefined && !isVisible(element, data, '', ajv, undefined));
    if (hiddenHere && element.type === 'Control' && element.scope)
      removeAt(pruned, scopeToPath(element.scope));
    for (const child of element.elements ?? []) visit(child, hiddenHere);
  };
  visit(uischema as Element, false);
  const validate = ajv.compile(schema);
  validate(pruned);
  return { data: pruned, errors: [...(validate.errors ?? [])] };
}

/** `#/properties/a/properties/b` → ['a', 'b']. */
export const scopeToPath = (scope: string): string[] =>
  scope
    .replace(/^#\//, '')
    .split('/')
    .filter((segment, index) => index % 2 === 1 && segment !== '')
    .map(decodeURIComponent);

function removeAt(data: Data, path: readonly string[]): void {
  let node: unknown = data;
  for (const key of path.slice(0, -1)) {
    if (!node || typeof node !== 'object') return;
    node = (node as Data)[key];
  }
  const last = path.at(-1);
  if (last !== undefined && node && typeof node === 'object' && Object.hasOwn(node, last))
    delete (node as Data)[last];
}
