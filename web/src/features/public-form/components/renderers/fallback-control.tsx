import type { ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { Field, useFieldState } from './field-parts.tsx';

const asText = (data: unknown) =>
  data === undefined || data === null ? '' : typeof data === 'string' ? data : JSON.stringify(data);

/**
 * The last resort for a control no other renderer takes (a schema without a type, several types,
 * tuples): a labelled text field, so the form still renders and says what is wrong on submit,
 * instead of JSON Forms' "No applicable renderer".
 */
function FallbackControl(props: ControlProps) {
  const { data, path, label, description, required, errors, enabled, visible } = props;
  const state = useFieldState(path, errors, description);
  if (!visible) return null;
  return (
    <Field state={state} label={label} description={description} required={required} errors={errors}>
      <input
        id={state.id}
        name={path}
        type="text"
        value={asText(data)}
        disabled={!enabled}
        required={required}
        aria-describedby={state.describedBy}
        aria-invalid={state.invalid}
        onBlur={state.markTouched}
        onChange={(e) => props.handleChange(path, e.target.value === '' ? undefined : e.target.value)}
      />
    </Field>
  );
}

export default withJsonFormsControlProps(FallbackControl);
