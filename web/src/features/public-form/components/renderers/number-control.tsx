import type { ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { useState } from 'react';
import { parseNumber } from '../../utils/input-purpose.ts';
import { Field, useFieldState } from './field-parts.tsx';
import { useTypedValue } from './use-typed-value.ts';

const show = (data: unknown) => (data === undefined || data === null ? '' : String(data));

/**
 * Numbers in a text input with a numeric keyboard (type="number" drops what it cannot parse and
 * changes values on scroll). What was typed is kept as typed; the data gets the parsed number.
 */
function NumberControl(props: ControlProps) {
  const { data, path, label, description, required, errors, enabled, visible, schema } = props;
  const state = useFieldState(path, errors, description);
  const integer = schema.type === 'integer';
  // What was typed stays while it means the committed number ("1.50" is 1.5); outside changes show.
  const [typedText, setTypedText] = useState(() => show(data));
  const committed =
    parseNumber(typedText, integer) === data || (typedText === '' && data === undefined)
      ? typedText
      : show(data);
  const typed = useTypedValue(committed, (value) => {
    setTypedText(value);
    props.handleChange(path, parseNumber(value, integer));
  });
  if (!visible) return null;
  return (
    <Field state={state} label={label} description={description} required={required} errors={errors}>
      <input
        id={state.id}
        name={path}
        type="text"
        inputMode={integer ? 'numeric' : 'decimal'}
        autoComplete="off"
        dir="ltr"
        value={typed.text}
        disabled={!enabled}
        required={required}
        aria-describedby={state.describedBy}
        aria-invalid={state.invalid}
        onBlur={() => {
          typed.flush();
          state.markTouched();
        }}
        onChange={(e) => typed.change(e.target.value)}
      />
    </Field>
  );
}

export default withJsonFormsControlProps(NumberControl);
