import { findUISchema, type StatePropsOfControlWithDetail } from '@jsonforms/core';
import { JsonFormsDispatch, withJsonFormsDetailProps } from '@jsonforms/react';
import { useMemo } from 'react';

/** A nested object: its fields in a fieldset named after it. */
function ObjectControl(props: StatePropsOfControlWithDetail) {
  const { path, label, schema, uischema, rootSchema, visible, enabled } = props;
  const detail = useMemo(
    () =>
      findUISchema(
        props.uischemas ?? [],
        schema,
        uischema.scope,
        path,
        'VerticalLayout',
        uischema,
        rootSchema,
      ),
    [props.uischemas, schema, uischema, path, rootSchema],
  );
  if (!visible) return null;
  return (
    <fieldset className="field group">
      <legend>{label}</legend>
      <JsonFormsDispatch
        schema={schema}
        uischema={detail}
        path={path}
        enabled={enabled}
        renderers={props.renderers}
        cells={props.cells}
      />
    </fieldset>
  );
}

export default withJsonFormsDetailProps(ObjectControl);
