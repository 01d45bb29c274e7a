import type { FocusEvent, ReactNode } from 'react';
import { fieldId } from '../../utils/field-id.ts';
import { useErrorShown, useFormUi } from '../form-ui-context.tsx';

/**
 * "* (required)": the word, so it depends on neither colour nor knowing what an asterisk means, and
 * the asterisk, which form descriptions refer to. Screen readers hear only the word.
 */
export function RequiredMark({ required }: { required: boolean | undefined }) {
  const { messages } = useFormUi();
  return required ? <RequiredText text={messages.required} /> : null;
}

export function RequiredText({ text }: { text: string }) {
  return (
    <span className="required">
      {' '}
      <span aria-hidden="true">*</span> ({text})
    </span>
  );
}

export function ErrorText({ id, text }: { id: string; text: string }) {
  const { messages } = useFormUi();
  return (
    <p id={id} className="field-error">
      <span className="visually-hidden">{messages.errorPrefix} </span>
      {text.split('\n').join(' ')}
    </p>
  );
}

export interface FieldState {
  readonly id: string;
  readonly hintId: string | undefined;
  readonly errorId: string | undefined;
  /** Ids for aria-describedby: hint first, then the error. */
  readonly describedBy: string | undefined;
  readonly invalid: true | undefined;
  readonly markTouched: () => void;
}

/** Ids and error visibility for the field at `path` (errors only once touched or submitted). */
export function useFieldState(path: string, errors: string, description: string | undefined): FieldState {
  const { markTouched } = useFormUi();
  const id = fieldId(path);
  const showError = useErrorShown(path) && errors !== '';
  const hintId = description ? `${id}-hint` : undefined;
  const errorId = showError ? `${id}-error` : undefined;
  return {
    id,
    hintId,
    errorId,
    describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined,
    invalid: showError || undefined,
    markTouched: () => markTouched(path),
  };
}

interface FieldProps {
  readonly state: FieldState;
  readonly label: string;
  readonly description: string | undefined;
  readonly required: boolean | undefined;
  readonly errors: string;
  readonly children: ReactNode;
}

/** Label, hint and error above a single input (error before the input, as GOV.UK does). */
export function Field({ state, label, description, required, errors, children }: FieldProps) {
  return (
    <div className={state.invalid ? 'field field--invalid' : 'field'}>
      <label htmlFor={state.id}>
        {label}
        <RequiredMark required={required} />
      </label>
      {state.hintId && (
        <p id={state.hintId} className="hint">
          {description}
        </p>
      )}
      {state.errorId && <ErrorText id={state.errorId} text={errors} />}
      {children}
    </div>
  );
}

/** A group of radios or checkboxes: fieldset and legend, touched when focus leaves the group. */
export function ChoiceFieldset({ state, label, description, required, errors, children }: FieldProps) {
  const leave = (event: FocusEvent<HTMLFieldSetElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) state.markTouched();
  };
  return (
    <fieldset
      className={state.invalid ? 'field choices field--invalid' : 'field choices'}
      aria-describedby={state.describedBy}
      onBlur={leave}
    >
      <legend>
        {label}
        <RequiredMark required={required} />
      </legend>
      {state.hintId && (
        <p id={state.hintId} className="hint">
          {description}
        </p>
      )}
      {state.errorId && <ErrorText id={state.errorId} text={errors} />}
      {children}
    </fieldset>
  );
}
