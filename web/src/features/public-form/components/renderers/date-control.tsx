import type { ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { autocompleteFor } from '../../utils/input-purpose.ts';
import { Field, useFieldState } from './field-parts.tsx';

/** The phone's own date picker; the value is the ISO date (YYYY-MM-DD) the schema expects. */
function DateControl(props: ControlProps) {
  const { data, path, label, description, required, errors, enabled, visible, uischema } = props;
  const state = useFieldState(path, errors, description);
  if (!visible) return null;
  return (
    <Field state={state} label={label} description={description} required={required} errors={errors}>
      <input
        id={state.id}
        name={path}
        type="date"
        autoComplete={autocompleteFor(path, uischema.options?.autocomplete) ?? 'off'}
        value={typeof data === 'string' ? data : ''}
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

export default withJsonFormsControlProps(DateControl);
