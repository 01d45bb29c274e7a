import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../../api.ts';
import { TextField } from '../../settings/text-field.tsx';
import { Modal } from '../../users/modal.tsx';
import { enrolByHand } from '../courses-api.ts';
import { languageName, useCoursesText } from '../messages.ts';
import { FailureText } from './failure-text.tsx';
import { useCourseChange } from './use-course-change.ts';

interface Props {
  readonly courseId: string;
  readonly locales: readonly string[];
  readonly onClose: () => void;
  readonly onDone: (message: string) => void;
}

/** Enrols someone who came without the form; a full course is a 409 unless the waiting list is ticked. */
export function EnrolDialog({ courseId, locales, onClose, onDone }: Props) {
  const { t, locale } = useCoursesText();
  const ids = { title: useId(), text: useId() };
  const [person, setPerson] = useState({
    firstName: '',
    lastName: '',
    email: '',
    locale: locales[0] ?? 'de',
  });
  const [waitingListIfFull, setWaitingListIfFull] = useState(false);
  const enrol = useCourseChange(() => enrolByHand(courseId, { ...person, waitingListIfFull }));
  const issues = enrol.error instanceof ApiError ? enrol.error.issues : [];
  const errorFor = (field: string) => issues.find((issue) => issue.field === field)?.message;
  const full = enrol.error instanceof ApiError && enrol.error.status === 409;
  const set = (key: keyof typeof person) => (value: string) => setPerson((p) => ({ ...p, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    enrol.mutate(undefined, {
      onSuccess: () => onDone(t.enrolled(`${person.firstName} ${person.lastName}`)),
    });
  }

  return (
    <Modal titleId={ids.title} describedBy={ids.text} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id={ids.title}>{t.enrolTitle}</h2>
        <p id={ids.text}>{t.enrolHint}</p>
        <TextField
          id="enrol-firstName"
          label={t.firstName}
          value={person.firstName}
          onChange={set('firstName')}
          error={errorFor('firstName')}
          autoComplete="off"
        />
        <TextField
          id="enrol-lastName"
          label={t.lastName}
          value={person.lastName}
          onChange={set('lastName')}
          error={errorFor('lastName')}
          autoComplete="off"
        />
        <TextField
          id="enrol-email"
          label={t.email}
          type="email"
          value={person.email}
          onChange={set('email')}
          error={errorFor('email')}
          autoComplete="off"
        />
        <div className="field">
          <label htmlFor="enrol-locale">{t.locale}</label>
          <select
            id="enrol-locale"
            value={person.locale}
            onChange={(event) => set('locale')(event.target.value)}
          >
            {locales.map((code) => (
              <option key={code} value={code}>
                {languageName(code, locale)}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={waitingListIfFull}
            onChange={(event) => setWaitingListIfFull(event.target.checked)}
          />{' '}
          {t.waitingListIfFull}
        </label>
        {full ? (
          <p role="alert" className="error">
            {t.full}
          </p>
        ) : (
          issues.length === 0 && <FailureText error={enrol.error} fallback={t.failed} />
        )}
        <div className="dialog-actions">
          <button type="submit" disabled={enrol.isPending}>
            {t.enrol}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {t.close}
          </button>
        </div>
      </form>
    </Modal>
  );
}
