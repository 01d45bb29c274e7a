import type { ControlProps, EnumOption, OwnPropsOfEnum } from '@jsonforms/core';
import { withJsonFormsEnumProps, withJsonFormsOneOfEnumProps } from '@jsonforms/react';
import { useFormUi } from '../form-ui-context.tsx';
import { ChoiceFieldset, Field, type FieldState, useFieldState } from './field-parts.tsx';

/** Up to this many options show as radios, where every choice is visible at once; more get a select. */
export const MAX_RADIOS = 6;

type EnumProps = ControlProps & OwnPropsOfEnum;

/** One answer from a list: a radio group in a fieldset, or a native select for long lists. */
function EnumControl(props: EnumProps) {
  const { path, label, description, required, errors, visible, uischema } = props;
  const state = useFieldState(path, errors, description);
  if (!visible) return null;
  const options = props.options ?? [];
  const format = uischema.options?.format;
  const radios = format === 'radio' || (format !== 'select' && options.length <= MAX_RADIOS);
  const fieldProps = { state, label, description, required, errors };
  return radios ? (
    <ChoiceFieldset {...fieldProps}>
      <Radios {...props} options={options} state={state} />
    </ChoiceFieldset>
  ) : (
    <Field {...fieldProps}>
      <Select {...props} options={options} state={state} />
    </Field>
  );
}

interface ChoiceProps extends EnumProps {
  readonly options: EnumOption[];
  readonly state: FieldState;
}

function Radios({ data, path, enabled, required, options, state, handleChange }: ChoiceProps) {
  return (
    <div className="choice-list">
      {options.map((option, i) => {
        const id = i === 0 ? state.id : `${state.id}-${i}`;
        return (
          <div className="choice" key={String(option.value)}>
            <input
              id={id}
              type="radio"
              name={path}
              checked={data === option.value}
              disabled={!enabled}
              required={required}
              aria-invalid={state.invalid}
              onChange={() => handleChange(path, option.value)}
            />
            <label htmlFor={id}>{option.label}</label>
          </div>
        );
      })}
    </div>
  );
}

function Select({ data, path, enabled, required, options, state, handleChange }: ChoiceProps) {
  const { messages } = useFormUi();
  const selected = options.find((option) => option.value === data);
  return (
    <select
      id={state.id}
      name={path}
      value={selected === undefined ? '' : String(selected.value)}
      disabled={!enabled}
      required={required}
      aria-describedby={state.describedBy}
      aria-invalid={state.invalid}
      onBlur={state.markTouched}
      onChange={(e) =>
        handleChange(path, options.find((option) => String(option.value) === e.target.value)?.value)
      }
    >
      <option value="">{messages.choose}</option>
      {options.map((option) => (
        <option key={String(option.value)} value={String(option.value)}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

export default withJsonFormsEnumProps(EnumControl);
export const OneOfEnumControl = withJsonFormsOneOfEnumProps(EnumControl);
