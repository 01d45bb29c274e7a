import type { ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { autocompleteFor } from '../../utils/input-purpose.ts';
import { dateTimeForInput, dateTimeFromInput, timeForInput, timeFromInput } from '../../utils/time-values.ts';
import { Field, useFieldState } from './field-parts.tsx';

interface Kind {
  readonly type: 'date' | 'time' | 'datetime-local';
  readonly show: (data: unknown) => string;
  readonly read: (value: string) => string | undefined;
}

/**
 * The phone's own date, time or date-and-time picker. A date is the ISO date (YYYY-MM-DD) the
 * schema expects; times keep the zone the `time` and `date-time` formats need.
 */
function pickerControl(kind: Kind) {
  return function PickerControl(props: ControlProps) {
    const { data, path, label, description, required, errors, enabled, visible, uischema } = props;
    const state = useFieldState(path, errors, description);
    if (!visible) return null;
    return (
      <Field state={state} label={label} description={description} required={required} errors={errors}>
        <input
          id={state.id}
          name={path}
          type={kind.type}
          dir="ltr"
          autoComplete={autocompleteFor(path, uischema.options?.autocomplete) ?? 'off'}
          value={kind.show(data)}
          disabled={!enabled}
          required={required}
          aria-describedby={state.describedBy}
          aria-invalid={state.invalid}
          onBlur={state.markTouched}
          onChange={(e) => props.handleChange(path, kind.read(e.target.value))}
        />
      </Field>
    );
  };
}

export const DateControl = withJsonFormsControlProps(
  pickerControl({
    type: 'date',
    show: (data) => (typeof data === 'string' ? data : ''),
    read: (value) => (value === '' ? undefined : value),
  }),
);
export const TimeControl = withJsonFormsControlProps(
  pickerControl({ type: 'time', show: timeForInput, read: (value) => timeFromInput(value) }),
);
export const DateTimeControl = withJsonFormsControlProps(
  pickerControl({ type: 'datetime-local', show: dateTimeForInput, read: dateTimeFromInput }),
);
