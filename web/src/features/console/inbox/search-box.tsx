import { type FormEvent, useRef } from 'react';
import { useInboxText } from './messages.ts';

interface Props {
  readonly active: boolean;
  readonly error: string | undefined;
  readonly onSearch: (term: string) => void;
  readonly onClear: () => void;
}

/** Name or e-mail; the term lives in the page's state and a POST body, never in the address. */
export function SearchBox({ active, error, onSearch, onClear }: Props) {
  const { t } = useInboxText();
  const input = useRef<HTMLInputElement>(null);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const term = input.current?.value.trim() ?? '';
    if (term) onSearch(term);
  }
  function clear() {
    if (input.current) input.current.value = '';
    onClear();
    input.current?.focus();
  }
  return (
    <search className="inbox-search">
      <form onSubmit={submit} method="post">
        <label htmlFor="inbox-q">{t.searchLabel}</label>
        <p id="inbox-q-hint" className="hint">
          {t.searchHint}
        </p>
        {error && (
          <p id="inbox-q-error" className="inbox-error" role="alert">
            {error}
          </p>
        )}
        <div className="search-row">
          <input
            ref={input}
            id="inbox-q"
            type="search"
            autoComplete="off"
            aria-describedby={error ? 'inbox-q-hint inbox-q-error' : 'inbox-q-hint'}
            aria-invalid={error ? true : undefined}
          />
          <button type="submit">{t.searchButton}</button>
          {active && (
            <button type="button" className="link-button" onClick={clear}>
              {t.clearSearch}
            </button>
          )}
        </div>
      </form>
    </search>
  );
}
