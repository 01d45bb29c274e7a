import type { ControlProps, DispatchPropsOfMultiEnumControl, OwnPropsOfEnum } from '@jsonforms/core';
import { withJsonFormsMultiEnumProps } from '@jsonforms/react';
import { ChoiceFieldset, useFieldState } from './field-parts.tsx';

type MultiEnumProps = ControlProps & OwnPropsOfEnum & DispatchPropsOfMultiEnumControl;

/** Several answers from a list (an array of enum values): checkboxes in a fieldset. */
function MultiEnumControl(props: MultiEnumProps) {
  const { data, path, label, description, required, errors, enabled, visible } = props;
  const state = useFieldState(path, errors, description);
  if (!visible) return null;
  const chosen: unknown[] = Array.isArray(data) ? data : [];
  return (
    <ChoiceFieldset state={state} label={label} description={description} required={required} errors={errors}>
      <div className="choice-list">
        {(props.options ?? []).map((option, i) => {
          const id = i === 0 ? state.id : `${state.id}-${i}`;
          const checked = chosen.includes(option.value);
          return (
            <div className="choice" key={String(option.value)}>
              <input
                id={id}
                type="checkbox"
                name={path}
                checked={checked}
                disabled={!enabled}
                aria-invalid={state.invalid}
                onChange={() =>
                  checked ? props.removeItem?.(path, option.value) : props.addItem(path, option.value)
                }
              />
              <label htmlFor={id}>{option.label}</label>
            </div>
          );
        })}
      </div>
    </ChoiceFieldset>
  );
}

export default withJsonFormsMultiEnumProps(MultiEnumControl);
