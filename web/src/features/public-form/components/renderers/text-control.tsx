import type { ControlProps, Translator } from '@jsonforms/core';
import { useJsonForms, withJsonFormsControlProps } from '@jsonforms/react';
import { memo } from 'react';
import { autocompleteFor, textInputType } from '../../utils/input-purpose.ts';
import { Field, useFieldState } from './field-parts.tsx';
import { useTypedValue } from './use-typed-value.ts';

const shownText = (data: unknown) =>
  typeof data === 'string' ? data : data === undefined || data === null ? '' : JSON.stringify(data);

/** Text, e-mail, phone and web address; a textarea with the UI schema option `multi: true`. */
function TextControl(props: ControlProps & { readonly translate: Translator | undefined }) {
  const { data, path, label, description, required, errors, enabled, visible, schema, uischema } = props;
  const state = useFieldState(path, errors, description);
  const typed = useTypedValue(shownText(data), (value) =>
    props.handleChange(path, value === '' ? undefined : value),
  );
  if (!visible) return null;
  // `options.placeholder` is the default language's; other languages translate `<prefix>.placeholder`.
  const own = uischema.options?.placeholder;
  const placeholder =
    typeof own === 'string' && own !== ''
      ? (props.translate?.(`${props.i18nKeyPrefix ?? path}.placeholder`, own) ?? own)
      : undefined;
  const autocomplete = autocompleteFor(path, uischema.options?.autocomplete);
  const type = textInputType(schema.format, autocomplete);
  const shared = {
    id: state.id,
    name: path,
    value: typed.text,
    disabled: !enabled,
    required,
    'aria-describedby': state.describedBy,
    'aria-invalid': state.invalid,
    onBlur: () => {
      typed.flush();
      state.markTouched();
    },
    placeholder,
  };
  return (
    <Field state={state} label={label} description={description} required={required} errors={errors}>
      {uischema.options?.multi ? (
        <textarea {...shared} rows={5} onChange={(e) => typed.change(e.target.value)} />
      ) : (
        <input
          {...shared}
          type={type}
          autoComplete={autocomplete ?? 'on'}
          // Addresses and numbers read left to right even on an Arabic page.
          dir={type === 'text' ? undefined : 'ltr'}
          spellCheck={type === 'text' ? undefined : false}
          onChange={(e) => typed.change(e.target.value)}
        />
      )}
    </Field>
  );
}

const MemoTextControl = memo(TextControl);

/**
 * The translator is read here, outside the memo: read inside, the JSON Forms context would
 * re-render every text field on every change anywhere in the form.
 */
function WithTranslator(props: ControlProps) {
  const translate = useJsonForms().i18n?.translate;
  return <MemoTextControl {...props} translate={translate} />;
}

export default withJsonFormsControlProps(WithTranslator, false);
