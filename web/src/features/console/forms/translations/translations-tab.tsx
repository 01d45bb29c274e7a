import { type ChangeEvent, type KeyboardEvent, useId, useMemo, useState } from 'react';
import { rightToLeftLocales } from '#shared/contracts/form-definition.ts';
import { languageName, useFormsText } from '../messages.ts';
import { type ImportOutcome, importCsv, toCsv } from './csv.ts';
import { download } from './download.ts';
import { type DraftDefinition, type FormText, SHIPPED_LOCALES } from './form-text.ts';
import {
  addLocale,
  cellValue,
  defaultLocaleOf,
  localesOf,
  missingByLocale,
  removeLocale,
  setCell,
} from './grid.ts';
import { formTexts } from './texts.ts';
import { importXliff, toXliff } from './xliff.ts';

interface Props {
  readonly definition: DraftDefinition;
  readonly onChange: (next: DraftDefinition, what: string) => void;
}

/** More languages after the shipped ones; Lotse's own page texts fall back to English for them. */
const OTHER_LOCALES = ['fr', 'es', 'it', 'pl', 'ro', 'bg', 'sq', 'ku', 'ps', 'so', 'ti', 'ur', 'vi', 'zh'];
const dirOf = (locale: string) =>
  (rightToLeftLocales as readonly string[]).includes(locale) ? 'rtl' : 'ltr';

/** Moves focus to the same language's cell one row up or down, like a spreadsheet. */
function moveInColumn(event: KeyboardEvent<HTMLInputElement>) {
  if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
  const cell = event.currentTarget;
  const row = Number(cell.dataset.row) + (event.key === 'ArrowDown' ? 1 : -1);
  const next = cell
    .closest('table')
    ?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-locale="${cell.dataset.locale}"]`);
  if (!next) return;
  event.preventDefault();
  next.focus();
}

/** The Translations tab: one row per form text, one column per language. */
export function TranslationsTab({ definition, onChange }: Props) {
  const { t, locale: uiLocale } = useFormsText();
  const id = useId();
  const texts = useMemo(() => formTexts(definition), [definition]);
  const locales = localesOf(definition);
  const main = defaultLocaleOf(definition);
  const missing = missingByLocale(definition, texts);
  const [onlyMissing, setOnlyMissing] = useState(false);
  const [adding, setAdding] = useState('');
  const [message, setMessage] = useState<string>();
  const name = (code: string) => languageName(code, uiLocale);
  const addable = [...SHIPPED_LOCALES, ...OTHER_LOCALES].filter((code) => !locales.includes(code));
  const isMissing = (text: FormText) =>
    locales.slice(1).some((code) => cellValue(definition, text, code) === undefined);
  const rows = onlyMissing ? texts.filter(isMissing) : texts;

  function report(outcome: ImportOutcome, what: string) {
    if (outcome.changed > 0) onChange(outcome.definition, what);
    setMessage(
      [
        t.imported(outcome.changed),
        outcome.unknownKeys.length ? t.unknownKeys(outcome.unknownKeys.join(', ')) : '',
        outcome.ignoredLocales.length ? t.ignoredLocales(outcome.ignoredLocales.join(', ')) : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
  }

  const readFile = (apply: (text: string) => void) => async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) apply(await file.text());
  };
  const onCsv = readFile((text) => {
    try {
      report(importCsv(definition, texts, text), t.csvImport);
    } catch {
      setMessage(t.importFailed);
    }
  });
  const onXliff = readFile((text) => report(importXliff(definition, texts, text), t.xliffImport));
  const file = (ext: string, code?: string) => `${definition.slug ?? 'form'}-${code ? `${code}.` : ''}${ext}`;

  return (
    <>
      <p className="muted">{t.translationsIntro}</p>
      <div className="translation-tools">
        <label className="choice">
          <input type="checkbox" checked={onlyMissing} onChange={(e) => setOnlyMissing(e.target.checked)} />{' '}
          {t.onlyMissing}
        </label>
        <span className="add-language">
          <label htmlFor={`${id}-add`}>{t.addLanguage}</label>
          <select id={`${id}-add`} value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">–</option>
            {addable.map((code) => (
              <option key={code} value={code}>
                {name(code)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="secondary"
            disabled={!adding}
            onClick={() => {
              onChange(addLocale(definition, adding), `${t.addLanguage}: ${name(adding)}`);
              setAdding('');
            }}
          >
            {t.add}
          </button>
        </span>
      </div>
      <div className="translation-tools">
        <button
          type="button"
          className="secondary"
          onClick={() => download(file('csv'), 'text/csv;charset=utf-8', toCsv(definition, texts))}
        >
          {t.exportCsv}
        </button>
        <label className="file-button">
          {t.importCsv}
          <input type="file" accept=".csv,text/csv" onChange={onCsv} />
        </label>
        {locales.slice(1).map((code) => (
          <button
            key={code}
            type="button"
            className="secondary"
            onClick={() =>
              download(file('xlf', code), 'application/xliff+xml', toXliff(definition, texts, code))
            }
          >
            {t.exportXliff(name(code))}
          </button>
        ))}
        <label className="file-button">
          {t.importXliff}
          <input type="file" accept=".xlf,.xliff,application/xliff+xml,application/xml" onChange={onXliff} />
        </label>
      </div>
      <div aria-live="polite" className="admin-status">
        {message && <p className="success">{message}</p>}
      </div>
      <div className="table-scroll">
        <table className="translations-grid">
          <thead>
            <tr>
              <th scope="col">{t.where}</th>
              {locales.map((code) => (
                <th scope="col" key={code} data-locale={code}>
                  {name(code)}
                  {code !== main && (
                    <>
                      <span className={missing[code]?.length ? 'missing-count warning' : 'missing-count'}>
                        {' '}
                        {t.missingCount(missing[code]?.length ?? 0)}
                      </span>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => onChange(removeLocale(definition, code), t.removeLanguage(name(code)))}
                      >
                        {t.removeLanguage(name(code))}
                      </button>
                    </>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((text, row) => (
              <tr key={text.key} data-key={text.key}>
                <th scope="row">
                  {text.where}
                  <br />
                  <code className="muted">{text.key}</code>
                </th>
                {locales.map((code) => {
                  const value = cellValue(definition, text, code);
                  const formLevel = text.kind === 'title' || text.kind === 'consent';
                  if (code === main && !formLevel)
                    return (
                      <td key={code} lang={code} dir={dirOf(code)} data-locale={code}>
                        {value} <span className="muted">({t.editInBuild})</span>
                      </td>
                    );
                  return (
                    <td key={code} data-locale={code} className={value === undefined ? 'missing' : undefined}>
                      <input
                        aria-label={t.cell(text.where, name(code))}
                        lang={code}
                        dir={dirOf(code)}
                        data-row={row}
                        data-locale={code}
                        value={value ?? ''}
                        aria-invalid={value === undefined || undefined}
                        onKeyDown={moveInColumn}
                        onChange={(e) =>
                          onChange(
                            setCell(definition, text, code, e.target.value),
                            `${t.changeTranslation(code)}: ${text.where}`,
                          )
                        }
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
