import { type MouseEvent, useId, useLayoutEffect, useRef } from 'react';
import type { Messages } from '../messages.ts';
import { fieldId } from '../utils/field-id.ts';
import type { SummaryEntry } from '../utils/visible-errors.ts';

export interface LinkedEntry {
  readonly label: string;
  readonly message: string;
  /** Id of the input to focus; undefined when the field is not on the page. */
  readonly target: string | undefined;
}

/** Entries with the id of their input, where that input is on the page (hidden fields are not). */
export const linkToFields = (entries: readonly SummaryEntry[]): LinkedEntry[] =>
  entries.map(({ path, label, message }) => ({
    label,
    message,
    target: document.getElementById(fieldId(path)) ? fieldId(path) : undefined,
  }));

/** In the order of the fields on the page (ajv lists every `required` first); unlinked ones last. */
export function inPageOrder(entries: LinkedEntry[]): LinkedEntry[] {
  const element = (entry: LinkedEntry) => (entry.target ? document.getElementById(entry.target) : null);
  return entries.sort((a, b) => {
    const [first, second] = [element(a), element(b)];
    if (!first || !second) return first ? -1 : second ? 1 : 0;
    return first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
}

/** Focuses a field and scrolls its label (or its group's legend) into view. */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const field = document.getElementById(id);
  if (!field) return;
  event.preventDefault();
  const caption =
    field.closest('fieldset')?.querySelector('legend') ??
    document.querySelector(`label[for="${id}"]`) ??
    field;
  caption.scrollIntoView({ block: 'start' });
  field.focus({ preventScroll: true });
}

/**
 * The list of problems shown after a submit, announced (role=alert) and focused, each linking to its
 * field. `attempt` changes on every submit so a repeat is announced again.
 */
export function ErrorSummary({
  entries,
  messages,
  attempt,
}: {
  entries: readonly LinkedEntry[];
  messages: Messages;
  attempt: number;
}) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again on every attempt
  useLayoutEffect(() => {
    box.current?.focus();
  }, [attempt]);
  return (
    <div className="error-summary" role="alert" aria-labelledby={titleId} tabIndex={-1} ref={box}>
      <h2 id={titleId}>{messages.errorSummaryTitle}</h2>
      <ul>
        {entries.map((entry) => (
          <li key={`${entry.target ?? ''}${entry.label}`}>
            {entry.target ? (
              <a href={`#${entry.target}`} onClick={(event) => focusField(event, entry.target as string)}>
                {entry.label}: {entry.message}
              </a>
            ) : (
              <span>
                {entry.label}: {entry.message}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
