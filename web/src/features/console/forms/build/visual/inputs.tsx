import type { ReactNode } from 'react';

/** A labelled text input (or text area) whose value lives in the definition. */
export function TextInput(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  error?: string | undefined;
  dir?: 'auto';
}) {
  const { id, label, value, onChange, multiline, error } = props;
  const common = {
    id,
    value,
    dir: 'auto' as const,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => onChange(e.target.value)} />
      )}
      {error && (
        <p id={`${id}-error`} className="error">
          {error}
        </p>
      )}
    </div>
  );
}

/** A whole-number input; empty means "no limit". */
export function NumberInput(props: {
  id: string;
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
}) {
  const { id, label, value, onChange } = props;
  return (
    <div className="field build-number">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        value={value ?? ''}
        onChange={(e) =>
          onChange(
            e.target.value === '' || Number.isNaN(e.target.valueAsNumber)
              ? undefined
              : e.target.valueAsNumber,
          )
        }
      />
    </div>
  );
}

export function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="build-fieldset">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}
