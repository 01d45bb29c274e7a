import type { ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { dateTimeForInput, dateTimeFromInput, timeForInput, timeFromInput } from '../../utils/time-values.ts';
import { Field, useFieldState } from './field-parts.tsx';

interface Kind {
  readonly type: 'time' | 'datetime-local';
  readonly show: (data: unknown) => string;
  readonly read: (value: string) => string | undefined;
}

/** The phone's own time or date-and-time picker; the data keeps the zone the schema's format needs. */
function timeControl(kind: Kind) {
  return function TimeControl(props: ControlProps) {
    const { data, path, label, description, required, errors, enabled, visible } = props;
    const state = useFieldState(path, errors, description);
    if (!visible) return null;
    return (
      <Field state={state} label={label} description={description} required={required} errors={errors}>
        <input
          id={state.id}
          name={path}
          type={kind.type}
          dir="ltr"
          autoComplete="off"
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

export const TimeControl = withJsonFormsControlProps(
  timeControl({ type: 'time', show: timeForInput, read: (value) => timeFromInput(value) }),
);
export const DateTimeControl = withJsonFormsControlProps(
  timeControl({ type: 'datetime-local', show: dateTimeForInput, read: dateTimeFromInput }),
);
