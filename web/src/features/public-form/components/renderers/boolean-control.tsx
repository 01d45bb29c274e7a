import type { ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { ErrorText, RequiredMark, useFieldState } from './field-parts.tsx';

/** A single yes/no checkbox, label beside the box; `options.toggle` makes it a switch. */
function BooleanControl(props: ControlProps) {
  const { data, path, label, description, required, errors, enabled, visible, uischema } = props;
  const toggle = uischema.options?.toggle === true;
  const state = useFieldState(path, errors, description);
  if (!visible) return null;
  return (
    <div className={`field${toggle ? ' field--toggle' : ''}${state.invalid ? ' field--invalid' : ''}`}>
      {state.errorId && <ErrorText id={state.errorId} text={errors} />}
      <div className="choice">
        <input
          id={state.id}
          name={path}
          type="checkbox"
          role={toggle ? 'switch' : undefined}
          checked={data === true}
          disabled={!enabled}
          aria-describedby={state.describedBy}
          aria-invalid={state.invalid}
          onBlur={state.markTouched}
          onChange={(e) => props.handleChange(path, e.target.checked)}
        />
        <label htmlFor={state.id}>
          {label}
          <RequiredMark required={required} />
        </label>
      </div>
      {state.hintId && (
        <p id={state.hintId} className="hint">
          {description}
        </p>
      )}
    </div>
  );
}

export default withJsonFormsControlProps(BooleanControl);
