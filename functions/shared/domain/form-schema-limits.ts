import type { FieldIssue } from './errors.ts';

/*
 * What the public page cannot serve, checked before anything else walks the schema (ajv, JSON Forms'
 * resolver, the text walker), so that no definition can make the validator or the page hang.
 *
 * - `$ref`s: JSON Forms resolves only JSON pointers inside the schema (`#`, `#/definitions/x`).
 *   An external reference (`http…`, `other.json#…`) would need a download the page never makes,
 *   and an anchor (`#address`) is not a pointer JSON Forms can follow.
 * - Endless rendering: JSON Forms renders every property of an object (and every `allOf` part) at
 *   once, whatever the data holds; only a list renders its items one per entry. A schema that
 *   refers back to itself other than through `items` therefore never finishes rendering: a
 *   two-level `node: {child: {$ref: node}}` rendered with the page's own renderers
 *   (react-dom/server) had not finished after 120 s. Recursion through a list (a folder's
 *   `children: {items: {$ref: folder}}`) is fine and accepted.
 * - Size: the page renders slower than linearly in the number of fields. The page's renderers
 *   (react-dom/server on this shared 2-core machine) took 1.5 s for 100 generated text fields,
 *   4 s for 500, 3.5 s for 1,000, 15 s for 2,000 and 200 s for 4,000; a phone is slower still.
 *   JSON Forms' own largest example ("huge", a genealogy model) has 1,634 subschemas once its
 *   `$ref`s are followed and 507 fields, spread over steps and list entries that render one at a
 *   time (0.5–3 s with its sample data). Hence at most 5,000 subschemas after following `$ref`s
 *   (which also stops a chain of definitions that each use the next twice from growing
 *   exponentially), 1,000 fields in all (counted by the text walker, generated ones included),
 *   1,000 options per choice, 40 levels of nesting, and 200 KB for the schema and 100 KB for the
 *   UI schema as JSON (a version item holds 380 KB in all).
 */

type Json = Record<string, unknown>;

export const schemaLimits = {
  subschemas: 5000,
  depth: 40,
  /** Objects and arrays inside each other in the JSON text (a schema level takes about three). */
  jsonDepth: 150,
  options: 1000,
  schemaBytes: 200 * 1024,
  uischemaBytes: 100 * 1024,
  fields: 1000,
} as const;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const decodeSegment = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/** The document path (`schema.definitions.x`) of a JSON pointer, or undefined if it is not one. */
export function pointerPath(pointer: string): string[] | undefined {
  if (pointer === '#' || pointer === '#/') return [];
  if (!pointer.startsWith('#/')) return undefined;
  return pointer.slice(2).split('/').map(decodeSegment);
}

/** Follows a JSON pointer from the root; undefined if any segment is missing. */
export function followPointer(root: Json, pointer: string): unknown {
  const segments = pointerPath(pointer);
  if (!segments) return undefined;
  let current: unknown = root;
  for (const segment of segments) {
    if (Array.isArray(current) && /^\d+$/.test(segment)) current = current[Number(segment)];
    else if (isObject(current) && Object.hasOwn(current, segment)) current = current[segment];
    else return undefined;
  }
  return current;
}

const byteSize = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value) ?? '').length;

function checkSizes(schema: Json, uischema: Json): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [field, value, limit] of [
    ['schema', schema, schemaLimits.schemaBytes],
    ['uischema', uischema, schemaLimits.uischemaBytes],
  ] as const) {
    const size = byteSize(value);
    if (size > limit) {
      issues.push({
        field,
        message: `is ${Math.ceil(size / 1024)} KB as JSON; at most ${limit / 1024} KB can be served to a phone`,
      });
    }
  }
  return issues;
}

/** Nesting deeper than JSON Forms or this validator should recurse; checked without recursion. */
function checkDepth(value: unknown, field: string): FieldIssue[] {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (depth > schemaLimits.jsonDepth) {
      return [{ field, message: `is nested more than ${schemaLimits.jsonDepth} levels deep as JSON` }];
    }
    if (typeof node === 'object' && node !== null) {
      for (const child of Object.values(node)) stack.push([child, depth + 1]);
    }
  }
  return [];
}

/** Every `$ref` in the document must be a pointer to a place inside it. */
function checkRefs(root: Json): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const visit = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      for (const [index, child] of node.entries()) visit(child, `${path}.${index}`);
      return;
    }
    if (!isObject(node)) return;
    for (const [key, child] of Object.entries(node)) {
      // Values of these keywords are data, not schemas: a `$ref` inside them is just a word.
      if (key === 'enum' || key === 'const' || key === 'default' || key === 'examples') continue;
      if (key === '$ref' && typeof child === 'string') {
        const problem = refProblem(root, child);
        if (problem) issues.push({ field: `${path}.$ref`, message: problem });
        continue;
      }
      visit(child, `${path}.${key}`);
    }
  };
  visit(root, 'schema');
  return issues;
}

function refProblem(root: Json, ref: string): string | undefined {
  if (!ref.startsWith('#')) {
    return `"${ref}" is an external reference: the form page loads no other documents; copy that schema into "definitions" and refer to it as "#/definitions/…"`;
  }
  if (!pointerPath(ref)) {
    return `"${ref}" is not a JSON pointer such as "#/definitions/address"; JSON Forms cannot follow anchors`;
  }
  if (!isObject(followPointer(root, ref)) && followPointer(root, ref) !== true) {
    return `points at "${ref}", which does not exist in the schema`;
  }
  return undefined;
}

interface Expansion {
  count: number;
  issues: FieldIssue[];
}

/**
 * Walks the schema the way JSON Forms renders it, following `$ref`s, and reports a reference back
 * to an enclosing definition that is reached without passing a list's `items` (an endless form).
 */
function checkExpansion(root: Json): FieldIssue[] {
  const expansion: Expansion = { count: 0, issues: [] };
  const tooBig = (): boolean => expansion.count > schemaLimits.subschemas;
  // Each entry: a $ref being expanded, and whether a list's items lie between it and the node.
  // `throughList` also covers a oneOf/anyOf alternative the visitor has to pick.
  type Frame = { ref: string; throughList: boolean };
  const visit = (node: unknown, path: string, frames: Frame[], depth: number): void => {
    if (!isObject(node) || tooBig() || expansion.issues.length > 0) return;
    expansion.count++;
    if (tooBig()) {
      expansion.issues.push({
        field: 'schema',
        message: `has more than ${schemaLimits.subschemas} parts once its "$ref"s are followed, more than the form page can render in reasonable time`,
      });
      return;
    }
    if (depth > schemaLimits.depth) {
      expansion.issues.push({
        field: path,
        message: `is nested more than ${schemaLimits.depth} levels deep (following "$ref"s), deeper than the form page can render`,
      });
      return;
    }
    if (typeof node.$ref === 'string') {
      const ref = node.$ref;
      const open = frames.find((frame) => frame.ref === ref);
      if (open && !open.throughList) {
        expansion.issues.push({
          field: `${path}.$ref`,
          message: `refers back to "${ref}", which contains it, without a list or a choice in between: JSON Forms renders all fields of an object at once, so this form would never finish rendering and would freeze the browser; a schema may repeat itself only inside a list ("items") or a later oneOf/anyOf alternative`,
        });
        return;
      }
      if (open) return; // recursion through a list: rendered one entry at a time
      const target = followPointer(root, ref);
      const segments = pointerPath(ref) ?? [];
      visit(target, ['schema', ...segments].join('.'), [...frames, { ref, throughList: false }], depth + 1);
    }
    // `lazy`: rendered only once the visitor adds a list entry or picks that alternative.
    const child = (value: unknown, suffix: string, lazy = false): void => {
      const next = lazy ? frames.map((frame) => ({ ...frame, throughList: true })) : frames;
      visit(value, `${path}.${suffix}`, next, depth + 1);
    };
    if (isObject(node.properties)) {
      for (const [name, value] of Object.entries(node.properties)) child(value, `properties.${name}`);
    }
    // allOf renders every part; oneOf/anyOf render the first alternative until the visitor picks another.
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      const list = node[key];
      if (!Array.isArray(list)) continue;
      for (const [index, value] of list.entries())
        child(value, `${key}.${index}`, key !== 'allOf' && index > 0);
    }
    for (const key of ['then', 'else'] as const) child(node[key], key);
    if (Array.isArray(node.items)) {
      for (const [index, value] of node.items.entries()) child(value, `items.${index}`, true);
    } else child(node.items, 'items', true);
  };
  visit(root, 'schema', [{ ref: '#', throughList: false }], 0);
  return expansion.issues;
}

function checkOptions(root: Json): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const visit = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      for (const [index, child] of node.entries()) visit(child, `${path}.${index}`);
      return;
    }
    if (!isObject(node)) return;
    for (const key of ['enum', 'oneOf', 'anyOf'] as const) {
      const list = node[key];
      if (Array.isArray(list) && list.length > schemaLimits.options) {
        issues.push({
          field: `${path}.${key}`,
          message: `has ${list.length} entries; at most ${schemaLimits.options} can be offered as a choice`,
        });
      }
    }
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'enum' && key !== 'const' && key !== 'default' && key !== 'examples') {
        visit(child, `${path}.${key}`);
      }
    }
  };
  visit(root, 'schema');
  return issues;
}

/**
 * What makes a schema impossible to serve: too big, too deep, a `$ref` the page cannot follow, or
 * a recursion JSON Forms would render endlessly. Empty when the schema may be walked further.
 */
export function checkServable(schema: Json, uischema: Json): FieldIssue[] {
  // Depth first: measuring the size (JSON.stringify) of a very deep document overflows the stack.
  const deep = [...checkDepth(schema, 'schema'), ...checkDepth(uischema, 'uischema')];
  if (deep.length > 0) return deep;
  const big = checkSizes(schema, uischema);
  if (big.length > 0) return big;
  const refs = checkRefs(schema);
  if (refs.length > 0) return refs;
  return [...checkExpansion(schema), ...checkOptions(schema)];
}
