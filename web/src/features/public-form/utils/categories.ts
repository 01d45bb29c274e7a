import {
  type Categorization,
  type Category,
  composePaths,
  getControlPath,
  isVisible,
  toDataPath,
  type UISchemaElement,
} from '@jsonforms/core';
import type { Ajv, ErrorObject } from 'ajv';

type Element = UISchemaElement & { scope?: string; elements?: Element[] };

/**
 * The steps of a Categorization, in order: nested Categorizations are flattened into their
 * categories (one stepper, not steppers inside steps), and categories a rule hides are left out.
 */
export function visibleCategories(
  categorization: Categorization,
  data: unknown,
  path: string,
  ajv: Ajv,
): Category[] {
  const shown = (element: UISchemaElement) =>
    element.rule === undefined || isVisible(element, data, path, ajv, undefined);
  return categorization.elements
    .filter(shown)
    .flatMap((element) =>
      element.type === 'Categorization'
        ? visibleCategories(element as Categorization, data, path, ajv)
        : [element as Category],
    );
}

/** Data paths of the controls a category shows right now (hidden ones cannot hold up a step). */
export function controlPaths(element: Element, data: unknown, path: string, ajv: Ajv): string[] {
  if (element.rule !== undefined && !isVisible(element, data, path, ajv, undefined)) return [];
  if (element.type === 'Control' || element.type === 'ListWithDetail')
    return element.scope ? [composePaths(path, toDataPath(element.scope))] : [];
  return (element.elements ?? []).flatMap((child) => controlPaths(child, data, path, ajv));
}

const within = (errorPath: string, controlPath: string) =>
  controlPath === '' || errorPath === controlPath || errorPath.startsWith(`${controlPath}.`);

/** The paths with errors among a category's controls (and the fields inside them), in order. */
export function errorPathsIn(
  category: Category,
  errors: readonly ErrorObject[],
  data: unknown,
  path: string,
  ajv: Ajv,
): string[] {
  const controls = controlPaths(category as Element, data, path, ajv);
  const paths = errors.map(getControlPath).filter((p) => controls.some((c) => within(p, c)));
  return [...new Set(paths)];
}
