import {
  and,
  hasType,
  isAllOfControl,
  isAnyOfControl,
  isBooleanControl,
  isDateControl,
  isDateTimeControl,
  isEnumControl,
  isIntegerControl,
  isMultiLineControl,
  isNumberControl,
  isObjectArrayControl,
  isObjectControl,
  isOneOfControl,
  isOneOfEnumControl,
  isPrimitiveArrayControl,
  isStringControl,
  isTimeControl,
  type JsonFormsRendererRegistryEntry,
  type JsonSchema,
  optionIs,
  or,
  rankWith,
  resolveSchema,
  schemaMatches,
  schemaSubPathMatches,
  uiTypeIs,
} from '@jsonforms/core';
import ArrayControl from './array-control.tsx';
import BooleanControl from './boolean-control.tsx';
import EnumControl, { OneOfEnumControl } from './enum-control.tsx';
import { GroupRenderer, StackLayoutRenderer, TextRenderer } from './layouts.tsx';
import { lazyRenderer } from './lazy-renderer.tsx';
import MultiEnumControl from './multi-enum-control.tsx';
import NumberControl from './number-control.tsx';
import ObjectControl from './object-control.tsx';
import TextControl from './text-control.tsx';
import { DateControl, DateTimeControl, TimeControl } from './time-controls.tsx';

const OneOfControl = lazyRenderer('OneOfControl');
const AnyOfControl = lazyRenderer('AnyOfControl');
const AllOfControl = lazyRenderer('AllOfControl');
const SliderControl = lazyRenderer('SliderControl');
const CategorizationRenderer = lazyRenderer('CategorizationRenderer');

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

/** `options.slider` on a number with both limits (JSON Forms also wants a default; we use the minimum). */
export const isSliderControl = and(
  or(isNumberControl, isIntegerControl),
  schemaMatches((schema) => schema.minimum !== undefined && schema.maximum !== undefined),
  optionIs('slider', true),
);

/** JSON Forms' ListWithDetail element (Material's master-detail list) is a list like any other here. */
const isListWithDetail = and(
  uiTypeIs('ListWithDetail'),
  schemaMatches((schema) => hasType(schema, 'array')),
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
  { tester: rankWith(1, uiTypeIs('Categorization')), renderer: CategorizationRenderer },
  // The last resort for a control nothing else takes (no type, several types, tuples): a text
  // field, so the form renders and validation says what is wrong, instead of "No applicable renderer".
  { tester: rankWith(0, uiTypeIs('Control')), renderer: TextControl },
  { tester: rankWith(1, or(isStringControl, isMultiLineControl)), renderer: TextControl },
  { tester: rankWith(2, or(isNumberControl, isIntegerControl)), renderer: NumberControl },
  { tester: rankWith(3, isSliderControl), renderer: SliderControl },
  { tester: rankWith(2, isBooleanControl), renderer: BooleanControl },
  { tester: rankWith(3, isDateControl), renderer: DateControl },
  { tester: rankWith(3, isTimeControl), renderer: TimeControl },
  { tester: rankWith(3, isDateTimeControl), renderer: DateTimeControl },
  { tester: rankWith(4, isEnumControl), renderer: EnumControl },
  { tester: rankWith(4, isOneOfEnumControl), renderer: OneOfEnumControl },
  { tester: rankWith(2, isObjectControl), renderer: ObjectControl },
  { tester: rankWith(3, isOneOfControl), renderer: OneOfControl },
  { tester: rankWith(3, isAnyOfControl), renderer: AnyOfControl },
  { tester: rankWith(3, isAllOfControl), renderer: AllOfControl },
  { tester: rankWith(4, or(isObjectArrayControl, isPrimitiveArrayControl)), renderer: ArrayControl },
  { tester: rankWith(4, isListWithDetail), renderer: ArrayControl },
  { tester: rankWith(5, isMultiEnumControl), renderer: MultiEnumControl },
];
