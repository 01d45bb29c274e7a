import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { SignInRequired } from '../../api.ts';
import type { FormDraftEditor } from '../editor/use-form-draft.ts';
import {
  exportVersion,
  type FormDiff,
  formsKey,
  getDiff,
  publishVersion,
  rollbackTo,
  useVersions,
} from '../forms-api.ts';
import { useFormsText } from '../messages.ts';
import { download } from '../translations/download.ts';
import { DiffView } from './diff-view.tsx';
import { PublishFlow } from './publish-flow.tsx';

type Point = number | 'draft';
const parsePoint = (value: string): Point => (value === 'draft' ? 'draft' : Number(value));

/** The Versions tab: who saved which version, diffs between any two, publish and roll back. */
export function VersionsTab({ slug, editor }: { slug: string; editor: FormDraftEditor }) {
  const { t, locale } = useFormsText();
  const id = useId();
  const client = useQueryClient();
  const versions = useVersions(slug);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();
  const [from, setFrom] = useState<Point>();
  const [to, setTo] = useState<Point>('draft');
  const [diff, setDiff] = useState<FormDiff>();
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const list = [...(versions.data?.versions ?? [])].sort((a, b) => b.version - a.version);
  const published = versions.data?.publishedVersion;
  const points: Point[] = ['draft', ...list.map((entry) => entry.version)];
  const fromPoint = from ?? published ?? list[0]?.version ?? 'draft';
  const label = (point: Point) => (point === 'draft' ? t.draft : t.version(point));

  const refresh = async () => {
    await client.invalidateQueries({ queryKey: formsKey });
  };
  async function run(action: () => Promise<unknown>, done: string) {
    setError(undefined);
    try {
      await action();
      setMessage(done);
      await refresh();
    } catch (failure) {
      if (!(failure instanceof SignInRequired)) setError((failure as Error).message);
    }
  }
  /** The version as the two files any JSON Forms host reads. */
  async function exportFiles(version: number) {
    setError(undefined);
    try {
      const files = await exportVersion(slug, version);
      download(
        `${slug}-v${version}.schema.json`,
        'application/json',
        `${JSON.stringify(files.schema, null, 2)}\n`,
      );
      download(
        `${slug}-v${version}.uischema.json`,
        'application/json',
        `${JSON.stringify(files.uischema, null, 2)}\n`,
      );
    } catch (failure) {
      if (!(failure instanceof SignInRequired)) setError((failure as Error).message);
    }
  }

  async function compare() {
    setError(undefined);
    try {
      setDiff(await getDiff(slug, fromPoint, to));
    } catch (failure) {
      if (!(failure instanceof SignInRequired)) setError((failure as Error).message);
    }
  }

  return (
    <>
      <PublishFlow
        slug={slug}
        editor={editor}
        onPublished={(version) => {
          setMessage(t.publishedNow(version));
          void refresh();
          void editor.reload();
        }}
      />
      <div aria-live="polite" className="admin-status">
        {message && <p className="success">{message}</p>}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <h2>{t.versions}</h2>
      {versions.isPending && <p role="status">{t.loading}</p>}
      <ul className="version-list">
        {list.map((entry) => (
          <li key={entry.version} data-version={entry.version}>
            <strong>{t.version(entry.version)}</strong>
            {entry.version === published && <span className="chip published-chip">{t.publishedMarker}</span>}{' '}
            <span className="muted">{t.by(entry.createdBy, when.format(new Date(entry.createdAt)))}</span>{' '}
            <button type="button" className="secondary" onClick={() => exportFiles(entry.version)}>
              {t.exportVersion(entry.version)}
            </button>{' '}
            {published !== undefined && entry.version < published && (
              <button
                type="button"
                className="secondary"
                onClick={() => run(() => rollbackTo(slug, entry.version), t.rolledBack(entry.version))}
              >
                {t.rollback(entry.version)}
              </button>
            )}
            {(published === undefined || entry.version > published) && (
              <button
                type="button"
                className="secondary"
                onClick={() => run(() => publishVersion(slug, entry.version), t.rolledBack(entry.version))}
              >
                {t.publishThis(entry.version)}
              </button>
            )}
          </li>
        ))}
      </ul>
      <h2>{t.compare}</h2>
      <div className="compare-tools">
        <span>
          <label htmlFor={`${id}-from`}>{t.from}</label>
          <select
            id={`${id}-from`}
            value={String(fromPoint)}
            onChange={(e) => setFrom(parsePoint(e.target.value))}
          >
            {points.map((point) => (
              <option key={point} value={point}>
                {label(point)}
              </option>
            ))}
          </select>
        </span>
        <span>
          <label htmlFor={`${id}-to`}>{t.to}</label>
          <select id={`${id}-to`} value={String(to)} onChange={(e) => setTo(parsePoint(e.target.value))}>
            {points.map((point) => (
              <option key={point} value={point}>
                {label(point)}
              </option>
            ))}
          </select>
        </span>
        <button type="button" className="secondary" onClick={compare}>
          {t.compare}
        </button>
      </div>
      {diff && <DiffView diff={diff} />}
    </>
  );
}
