import {
  and,
  hasType,
  isBooleanControl,
  isDateControl,
  isEnumControl,
  isIntegerControl,
  isMultiLineControl,
  isNumberControl,
  isObjectArrayControl,
  isObjectControl,
  isOneOfEnumControl,
  isStringControl,
  type JsonFormsRendererRegistryEntry,
  type JsonSchema,
  or,
  rankWith,
  resolveSchema,
  schemaMatches,
  schemaSubPathMatches,
  uiTypeIs,
} from '@jsonforms/core';
import ArrayControl from './array-control.tsx';
import BooleanControl from './boolean-control.tsx';
import DateControl from './date-control.tsx';
import EnumControl, { OneOfEnumControl } from './enum-control.tsx';
import { GroupRenderer, StackLayoutRenderer, TextRenderer } from './layouts.tsx';
import MultiEnumControl from './multi-enum-control.tsx';
import NumberControl from './number-control.tsx';
import ObjectControl from './object-control.tsx';
import TextControl from './text-control.tsx';

/** An array whose items are one of a fixed list of values: a set of checkboxes. */
export const isMultiEnumControl = and(
  uiTypeIs('Control'),
  schemaMatches((schema) => hasType(schema, 'array') && !!schema.items && !Array.isArray(schema.items)),
  schemaSubPathMatches('items', (items, rootSchema) => {
    const resolved: JsonSchema | undefined = items.$ref
      ? resolveSchema(rootSchema, items.$ref, rootSchema)
      : items;
    return Array.isArray(resolved?.enum) || !!resolved?.oneOf?.every((entry) => entry.const !== undefined);
  }),
);

/**
 * The public form's renderers: small, accessible, and the only ones the page loads (no
 * @jsonforms/vanilla-renderers). Higher rank wins where several match (an enum is also a string).
 */
export const publicFormRenderers: JsonFormsRendererRegistryEntry[] = [
  {
    tester: rankWith(1, or(uiTypeIs('VerticalLayout'), uiTypeIs('HorizontalLayout'))),
    renderer: StackLayoutRenderer,
  },
  { tester: rankWith(1, uiTypeIs('Group')), renderer: GroupRenderer },
  { tester: rankWith(1, uiTypeIs('Label')), renderer: TextRenderer },
  { tester: rankWith(1, or(isStringControl, isMultiLineControl)), renderer: TextControl },
  { tester: rankWith(2, or(isNumberControl, isIntegerControl)), renderer: NumberControl },
  { tester: rankWith(2, isBooleanControl), renderer: BooleanControl },
  { tester: rankWith(3, isDateControl), renderer: DateControl },
  { tester: rankWith(4, isEnumControl), renderer: EnumControl },
  { tester: rankWith(4, isOneOfEnumControl), renderer: OneOfEnumControl },
  { tester: rankWith(2, isObjectControl), renderer: ObjectControl },
  { tester: rankWith(4, isObjectArrayControl), renderer: ArrayControl },
  { tester: rankWith(5, isMultiEnumControl), renderer: MultiEnumControl },
];
