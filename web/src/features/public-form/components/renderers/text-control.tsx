import type { ControlProps } from '@jsonforms/core';
import { useJsonForms, withJsonFormsControlProps } from '@jsonforms/react';
import { autocompleteFor, textInputType } from '../../utils/input-purpose.ts';
import { Field, useFieldState } from './field-parts.tsx';

/** Text, e-mail, phone and web address; a textarea with the UI schema option `multi: true`. */
function TextControl(props: ControlProps) {
  const { data, path, label, description, required, errors, enabled, visible, schema, uischema } = props;
  const state = useFieldState(path, errors, description);
  const { i18n } = useJsonForms();
  if (!visible) return null;
  // `options.placeholder` is the default language's; other languages translate `<prefix>.placeholder`.
  const own = uischema.options?.placeholder;
  const placeholder =
    typeof own === 'string' && own !== ''
      ? (i18n?.translate?.(`${props.i18nKeyPrefix ?? path}.placeholder`, own) ?? own)
      : undefined;
  const autocomplete = autocompleteFor(path, uischema.options?.autocomplete);
  const type = textInputType(schema.format, autocomplete);
  const shared = {
    id: state.id,
    name: path,
    value: typeof data === 'string' ? data : data === undefined || data === null ? '' : JSON.stringify(data),
    disabled: !enabled,
    required,
    'aria-describedby': state.describedBy,
    'aria-invalid': state.invalid,
    onBlur: state.markTouched,
    placeholder,
  };
  const change = (value: string) => props.handleChange(path, value === '' ? undefined : value);
  return (
    <Field state={state} label={label} description={description} required={required} errors={errors}>
      {uischema.options?.multi ? (
        <textarea {...shared} rows={5} onChange={(e) => change(e.target.value)} />
      ) : (
        <input
          {...shared}
          type={type}
          autoComplete={autocomplete ?? 'on'}
          // Addresses and numbers read left to right even on an Arabic page.
          dir={type === 'text' ? undefined : 'ltr'}
          spellCheck={type === 'text' ? undefined : false}
          onChange={(e) => change(e.target.value)}
        />
      )}
    </Field>
  );
}

export default withJsonFormsControlProps(TextControl);
