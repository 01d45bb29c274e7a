import { useEffect, useState } from 'react';
import { linesToList, toNumber } from './definition-access.ts';
import { SettingsField } from './settings-field.tsx';

interface Base {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
}

/**
 * The text being typed stays local while it means the same as the stored value, so a half-typed
 * line or "0." is not rewritten under the cursor; an outside change (undo, JSON mode) replaces it.
 */
function useSyncedText<T>(value: T, format: (value: T) => string, parse: (text: string) => T) {
  const [text, setText] = useState(() => format(value));
  useEffect(() => {
    setText((current) => (format(parse(current)) === format(value) ? current : format(value)));
  }, [value, format, parse]);
  return [text, setText] as const;
}

const listText = (list: readonly string[]) => list.join('\n');

/** E-mail addresses, one per line, stored as a list. */
export function ListField({
  value,
  onChange,
  ...base
}: Base & { value: readonly string[]; onChange: (list: string[]) => void }) {
  const [text, setText] = useSyncedText<readonly string[]>(value, listText, linesToList);
  return (
    <SettingsField
      {...base}
      multiline
      value={text}
      onChange={(next) => {
        setText(next);
        onChange(linesToList(next));
      }}
    />
  );
}

const numberText = (value: unknown) => (value === undefined ? '' : String(value));

/** A number, stored as one; empty removes it (the default applies). */
export function NumberField({
  value,
  onChange,
  ...base
}: Base & { value: unknown; onChange: (value: number | string | undefined) => void }) {
  const [text, setText] = useSyncedText<unknown>(value, numberText, toNumber);
  return (
    <SettingsField
      {...base}
      inputMode="decimal"
      value={text}
      onChange={(next) => {
        setText(next);
        onChange(toNumber(next));
      }}
    />
  );
}
