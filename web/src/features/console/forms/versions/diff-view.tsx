import type { FormDiff } from '../forms-api.ts';
import { languageName, useFormsText } from '../messages.ts';

const show = (value: unknown) =>
  value === undefined ? '–' : typeof value === 'string' ? value : JSON.stringify(value);

/** A diff for people: fields added, removed and changed, then texts per language, then the rest. */
export function DiffView({ diff }: { diff: FormDiff }) {
  const { t, locale } = useFormsText();
  const { added, removed, changed } = diff.fields;
  const texts = Object.entries(diff.texts).filter(([, changes]) => changes.length > 0);
  if (added.length + removed.length + changed.length + texts.length + diff.other.length === 0)
    return <p data-testid="form-diff">{t.noDiff}</p>;
  const fieldGroup = (title: string, list: typeof added, kind: string) =>
    list.length > 0 && (
      <>
        <h4>{title}</h4>
        <ul className={`diff-${kind}`}>
          {list.map((field) => (
            <li key={field.path}>
              <strong>{field.label}</strong> <code>{field.path}</code>
              {field.changes.length > 0 && `: ${field.changes.join('; ')}`}
            </li>
          ))}
        </ul>
      </>
    );
  return (
    <div data-testid="form-diff" className="form-diff">
      {added.length + removed.length + changed.length > 0 && <h3>{t.diffFields}</h3>}
      {fieldGroup(t.added, added, 'added')}
      {fieldGroup(t.removed, removed, 'removed')}
      {fieldGroup(t.changed, changed, 'changed')}
      {texts.length > 0 && <h3>{t.diffTexts}</h3>}
      {texts.map(([code, changes]) => (
        <section key={code}>
          <h4>{languageName(code, locale)}</h4>
          <ul>
            {changes.map((change) => (
              <li key={change.key}>
                <code>{change.key}</code>:{' '}
                <del>
                  <span className="visually-hidden">{t.before}: </span>
                  <bdi>{show(change.before)}</bdi>
                </del>{' '}
                →{' '}
                <ins>
                  <span className="visually-hidden">{t.after}: </span>
                  <bdi>{show(change.after)}</bdi>
                </ins>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {diff.other.length > 0 && (
        <>
          <h3>{t.diffOther}</h3>
          <ul>
            {diff.other.map((part) => (
              <li key={part.part}>
                <strong>{part.part}</strong>: <del>{show(part.before)}</del> → <ins>{show(part.after)}</ins>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
