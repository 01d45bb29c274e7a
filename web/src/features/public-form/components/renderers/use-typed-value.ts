import { useCallback, useEffect, useRef, useState } from 'react';
import { useFormUi } from '../form-ui-context.tsx';

/**
 * How long typing may pause before the text reaches JSON Forms, as @jsonforms/material-renderers'
 * `useDebouncedChange`. Each commit validates the whole form and re-maps every control's props;
 * per keystroke that was a 136–176 ms task at 4× CPU slowdown on the 40-field registration form.
 */
const COMMIT_AFTER_MS = 300;

/**
 * The text of an input as typed, kept in the field itself, committed with `commit` after a pause,
 * on blur (the returned `flush`) and whenever the form settles pending changes (submit, page hide).
 * Follows outside changes of `committed` (a restored draft, a rule) while nothing is pending.
 */
export function useTypedValue(committed: string, commit: (text: string) => void) {
  const { pending } = useFormUi();
  const [text, setText] = useState(committed);
  const [seen, setSeen] = useState(committed);
  const unsent = useRef<string | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const commitRef = useRef(commit);
  commitRef.current = commit;
  if (committed !== seen) {
    setSeen(committed);
    if (unsent.current === undefined) setText(committed);
  }

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const value = unsent.current;
    if (value === undefined) return;
    unsent.current = undefined;
    commitRef.current(value);
  }, []);
  useEffect(() => {
    const remove = pending?.add(flush);
    return () => {
      remove?.();
      flush();
    };
  }, [pending, flush]);

  const change = useCallback(
    (value: string) => {
      setText(value);
      unsent.current = value;
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, COMMIT_AFTER_MS);
    },
    [flush],
  );
  return { text, change, flush };
}
