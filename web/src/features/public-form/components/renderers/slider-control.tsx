import type { ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { Field, useFieldState } from './field-parts.tsx';

/**
 * `options.slider` on a number with minimum and maximum: a range input, its value shown beside it
 * (and announced by the input itself). Untouched it shows the schema's default without storing it.
 */
function SliderControl(props: ControlProps) {
  const { data, path, label, description, required, errors, enabled, visible, schema } = props;
  const state = useFieldState(path, errors, description);
  if (!visible) return null;
  const min = schema.minimum ?? 0;
  const max = schema.maximum ?? 100;
  const value = typeof data === 'number' ? data : typeof schema.default === 'number' ? schema.default : min;
  const step = schema.multipleOf ?? (schema.type === 'integer' ? 1 : (max - min) / 100);
  return (
    <Field state={state} label={label} description={description} required={required} errors={errors}>
      <div className="slider">
        <input
          id={state.id}
          name={path}
          type="range"
          min={min}
          max={max}
          step={step}
          value={value}
          disabled={!enabled}
          aria-describedby={state.describedBy}
          aria-invalid={state.invalid}
          onBlur={state.markTouched}
          onChange={(e) => props.handleChange(path, Number(e.target.value))}
        />
        <output htmlFor={state.id} dir="ltr">
          {value}
        </output>
      </div>
    </Field>
  );
}

export default withJsonFormsControlProps(SliderControl);
