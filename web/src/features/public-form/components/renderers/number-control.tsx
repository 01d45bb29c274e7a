import type { ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { useState } from 'react';
import { parseNumber } from '../../utils/input-purpose.ts';
import { Field, useFieldState } from './field-parts.tsx';

const show = (data: unknown) => (data === undefined || data === null ? '' : String(data));

/**
 * Numbers in a text input with a numeric keyboard (type="number" drops what it cannot parse and
 * changes values on scroll). What was typed is kept as typed; the data gets the parsed number.
 */
function NumberControl(props: ControlProps) {
  const { data, path, label, description, required, errors, enabled, visible, schema } = props;
  const state = useFieldState(path, errors, description);
  const integer = schema.type === 'integer';
  const [text, setText] = useState(() => show(data));
  if (!visible) return null;
  // Follow outside changes (a restored draft, another language) without fighting the typing.
  const shown =
    parseNumber(text, integer) === data || (text === '' && data === undefined) ? text : show(data);
  return (
    <Field state={state} label={label} description={description} required={required} errors={errors}>
      <input
        id={state.id}
        name={path}
        type="text"
        inputMode={integer ? 'numeric' : 'decimal'}
        autoComplete="off"
        dir="ltr"
        value={shown}
        disabled={!enabled}
        required={required}
        aria-describedby={state.describedBy}
        aria-invalid={state.invalid}
        onBlur={state.markTouched}
        onChange={(e) => {
          setText(e.target.value);
          props.handleChange(path, parseNumber(e.target.value, integer));
        }}
      />
    </Field>
  );
}

export default withJsonFormsControlProps(NumberControl);
