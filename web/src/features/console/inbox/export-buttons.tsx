import { useState } from 'react';
import { ApiError, SignInRequired } from '../api.ts';
import { downloadExport, type InboxFilters } from './inbox-api.ts';
import { useInboxText } from './messages.ts';

type State =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; name: string }
  | { kind: 'error'; message: string };

/** CSV and Excel of the current filter (one form at a time: columns are that form's fields). */
export function ExportButtons({ filters }: { filters: InboxFilters }) {
  const { t, locale } = useInboxText();
  const [state, setState] = useState<State>({ kind: 'idle' });

  async function download(format: 'csv' | 'xlsx') {
    setState({ kind: 'busy' });
    try {
      const { blob, name } = await downloadExport(filters, format, locale);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ kind: 'done', name });
    } catch (error) {
      if (error instanceof SignInRequired) return;
      setState({ kind: 'error', message: error instanceof ApiError ? error.message : t.failed });
    }
  }

  const disabled = !filters.form || state.kind === 'busy';
  return (
    <section className="inbox-export" aria-labelledby="export-title">
      <h2 id="export-title">{t.export}</h2>
      {!filters.form && <p id="export-hint">{t.exportNeedsForm}</p>}
      <div className="actions">
        {(['csv', 'xlsx'] as const).map((format) => (
          <button
            key={format}
            type="button"
            aria-disabled={disabled || undefined}
            aria-describedby={filters.form ? undefined : 'export-hint'}
            onClick={() => !disabled && void download(format)}
          >
            {format === 'csv' ? t.exportCsv : t.exportXlsx}
          </button>
        ))}
      </div>
      <p aria-live="polite" className={state.kind === 'error' ? 'inbox-error' : undefined}>
        {state.kind === 'busy' && t.exporting}
        {state.kind === 'done' && t.exported(state.name)}
        {state.kind === 'error' && state.message}
      </p>
    </section>
  );
}
