import {
  type CombinatorRendererProps,
  createCombinatorRenderInfos,
  findMatchingUISchema,
  type JsonSchema,
} from '@jsonforms/core';
import { JsonFormsDispatch, withJsonFormsAllOfProps } from '@jsonforms/react';
import { useMemo } from 'react';

/**
 * `allOf`: in a fieldset named after the field, a UI schema registered for the whole if there is
 * one, else each part's fields in turn.
 */
function AllOfControl(props: CombinatorRendererProps) {
  const { path, label, schema, rootSchema, uischema, uischemas, visible, enabled } = props;
  const parts = useMemo(() => {
    const whole = findMatchingUISchema(uischemas ?? [])(schema, uischema.scope, path);
    if (whole) return [{ schema, uischema: whole }];
    return createCombinatorRenderInfos(
      (schema.allOf ?? []) as JsonSchema[],
      rootSchema,
      'allOf',
      uischema,
      path,
      uischemas ?? [],
    );
  }, [schema, rootSchema, uischema, uischemas, path]);
  if (!visible) return null;
  return (
    <fieldset className="field group">
      {label && <legend>{label}</legend>}
      {parts.map((part, index) => (
        <JsonFormsDispatch
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts are fixed for a form version
          key={index}
          schema={part.schema}
          uischema={part.uischema}
          path={path}
          enabled={enabled}
          renderers={props.renderers}
          cells={props.cells}
        />
      ))}
    </fieldset>
  );
}

export default withJsonFormsAllOfProps(AllOfControl);
