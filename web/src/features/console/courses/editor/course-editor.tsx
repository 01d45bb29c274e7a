import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, SignInRequired } from '../../api.ts';
import { useScopeForms } from '../../inbox/use-forms.ts';
import { TextField } from '../../settings/text-field.tsx';
import { courseKey, coursesKey, getCourse, saveCourse } from '../courses-api.ts';
import { languageName, useCoursesText } from '../messages.ts';
import { type CourseDraft, fromCourse, toRequest } from './course-draft.ts';
import { errorsOf, errorUnder, fieldId } from './field-errors.ts';
import { LocaleTabs } from './locale-tabs.tsx';
import { SessionsField } from './sessions-field.tsx';

interface Props {
  readonly courseId: string | undefined;
  readonly initial: CourseDraft;
  readonly revision: number | undefined;
  readonly locales: readonly string[];
}

type State =
  | { kind: 'editing' }
  | { kind: 'saving' }
  | { kind: 'conflict'; message: string }
  | { kind: 'failed'; error: unknown };

/** The form: every course setting; a stale save gets the 409 and a reload, a refused one its fields. */
export function CourseEditor({ courseId, initial, revision: loadedRevision, locales }: Props) {
  const { t, locale } = useCoursesText();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { forms } = useScopeForms(locale);
  const [draft, setDraft] = useState(initial);
  const [revision, setRevision] = useState(loadedRevision);
  const [state, setState] = useState<State>({ kind: 'editing' });
  const errors = state.kind === 'failed' ? errorsOf(state.error) : {};
  const set =
    <K extends keyof CourseDraft>(key: K) =>
    (value: CourseDraft[K]) =>
      setDraft((previous) => ({ ...previous, [key]: value }));
  const textErrors = [errorUnder(errors, 'title'), errorUnder(errors, 'description')]
    .filter(Boolean)
    .join(' ');
  const tabLocales = [...new Set([...locales, ...Object.keys(draft.title)])];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setState({ kind: 'saving' });
    try {
      const outcome = await saveCourse(courseId, toRequest(draft, revision));
      if (outcome.kind === 'conflict') {
        setState({ kind: 'conflict', message: outcome.message });
        requestAnimationFrame(() => document.getElementById('course-conflict')?.focus());
        return;
      }
      await client.invalidateQueries({ queryKey: coursesKey });
      navigate(`/console/courses/${outcome.course.courseId}`, { state: { saved: true } });
    } catch (error) {
      if (error instanceof SignInRequired) return;
      setState({ kind: 'failed', error });
      requestAnimationFrame(() => focusFirstError(errorsOf(error)));
    }
  }

  async function reload() {
    if (!courseId) return;
    const fresh = await client.fetchQuery({
      queryKey: courseKey(courseId),
      queryFn: () => getCourse(courseId),
    });
    setDraft(fromCourse(fresh));
    setRevision(fresh.revision);
    setState({ kind: 'editing' });
  }

  const failure = state.kind === 'failed' ? state.error : undefined;
  return (
    <>
      <h1>{courseId ? t.editTitle : t.newTitle}</h1>
      <form className="course-editor" onSubmit={submit} noValidate>
        {state.kind === 'conflict' && (
          <div role="alert" id="course-conflict" tabIndex={-1} className="warning">
            <p>{t.conflict}</p>
            {state.message && <p className="muted">{state.message}</p>}
            <button type="button" onClick={() => void reload()}>
              {t.reload}
            </button>
          </div>
        )}
        {failure !== undefined && (
          <p role="alert" className="error">
            {failure instanceof ApiError && failure.status === 400
              ? t.fixFields
              : failure instanceof ApiError
                ? failure.message
                : t.failed}
          </p>
        )}
        <div className="field">
          <label htmlFor={fieldId('formSlug')}>{t.programme}</label>
          <select
            id={fieldId('formSlug')}
            value={draft.formSlug}
            onChange={(event) => set('formSlug')(event.target.value)}
            aria-invalid={errors.formSlug ? true : undefined}
            aria-describedby={errors.formSlug ? `${fieldId('formSlug')}-error` : undefined}
          >
            <option value="">–</option>
            {forms.map((form) => (
              <option key={form.slug} value={form.slug}>
                {form.title}
              </option>
            ))}
          </select>
          {errors.formSlug && (
            <p id={`${fieldId('formSlug')}-error`} className="error">
              {errors.formSlug}
            </p>
          )}
        </div>
        <fieldset>
          <legend>{t.texts}</legend>
          <p className="muted">{t.textsHint}</p>
          {textErrors && (
            <p id={fieldId('title')} className="error" tabIndex={-1}>
              {textErrors}
            </p>
          )}
          <LocaleTabs
            locales={tabLocales}
            title={draft.title}
            description={draft.description}
            errors={errors}
            onChange={(field, code, text) => set(field)({ ...draft[field], [code]: text })}
          />
        </fieldset>
        <div className="field">
          <label htmlFor={fieldId('teachingLanguage')}>{t.teachingLanguage}</label>
          <select
            id={fieldId('teachingLanguage')}
            value={draft.teachingLanguage}
            onChange={(event) => set('teachingLanguage')(event.target.value)}
          >
            {[...new Set([...locales, draft.teachingLanguage])].map((code) => (
              <option key={code} value={code}>
                {languageName(code, locale)}
              </option>
            ))}
          </select>
        </div>
        <TextField
          id={fieldId('place')}
          label={t.place}
          value={draft.place}
          onChange={set('place')}
          error={errors.place}
        />
        <TextField
          id={fieldId('onlineUrl')}
          label={t.onlineUrl}
          type="url"
          value={draft.onlineUrl}
          onChange={set('onlineUrl')}
          error={errors.onlineUrl}
        />
        <SessionsField sessions={draft.sessions} errors={errors} onChange={set('sessions')} />
        <TextField
          id={fieldId('capacity')}
          label={t.capacity}
          type="number"
          inputMode="numeric"
          min={1}
          value={draft.capacity}
          onChange={set('capacity')}
          error={errors.capacity}
        />
        <TextField
          id={fieldId('passPercent')}
          label={t.passPercent}
          type="number"
          min={1}
          max={100}
          value={draft.passPercent}
          onChange={set('passPercent')}
          error={errors.passPercent}
        />
        <TextField
          id={fieldId('registrationDeadline')}
          label={t.registrationDeadline}
          hint={t.registrationDeadlineHint}
          type="date"
          value={draft.registrationDeadline}
          onChange={set('registrationDeadline')}
          error={errors.registrationDeadline}
        />
        <TextField
          id={fieldId('coordinator')}
          label={t.coordinator}
          type="email"
          autoComplete="off"
          value={draft.coordinator}
          onChange={set('coordinator')}
          error={errors.coordinator}
        />
        <TextField
          id={fieldId('holdHours')}
          label={t.holdHours}
          type="number"
          min={1}
          value={draft.holdHours}
          onChange={set('holdHours')}
          error={errors.holdHours}
        />
        <div className="actions">
          <button type="submit" aria-disabled={state.kind === 'saving' || undefined}>
            {state.kind === 'saving' ? t.saving : t.save}
          </button>
          <Link to={courseId ? `/console/courses/${courseId}` : '/console/courses'}>{t.cancelEdit}</Link>
        </div>
      </form>
    </>
  );
}

/** The first refused field in the form's order gets the focus. */
function focusFirstError(errors: Record<string, string>) {
  const ids = Object.keys(errors).map((field) =>
    field.startsWith('title') || field.startsWith('description') ? 'title' : field,
  );
  const inForm = [...document.querySelectorAll<HTMLElement>('.course-editor [id]')];
  const first = inForm.find((element) => ids.some((field) => element.id === fieldId(field)));
  first?.focus();
}
