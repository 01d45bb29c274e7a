import { getAt } from './definition-access.ts';
import type { SectionProps } from './section-props.ts';
import { NumberField } from './synced-fields.tsx';

const WORKFLOWS = ['submission-received', 'volunteer-onboarding', 'counselling-intake'] as const;

/** Which workflow a submission starts, each with what it does in plain words. */
export function WorkflowSection({ definition, set, t, issue }: SectionProps) {
  const current = getAt(definition, ['workflow']);
  const error = issue('workflow');
  return (
    <fieldset className="form-settings-section">
      <legend>{t.workflow}</legend>
      <p className="muted">{t.workflowIntro}</p>
      {WORKFLOWS.map((id) => (
        <label className="choice" key={id}>
          <input
            type="radio"
            name="form-settings-workflow"
            value={id}
            checked={current === id}
            onChange={() => set(['workflow'], id, t.workflow)}
            aria-describedby={`form-settings-workflow-${id}`}
          />
          <span>
            <strong>{t.workflows[id]?.name}</strong>
            <span className="muted" id={`form-settings-workflow-${id}`}>
              {' '}
              {t.workflows[id]?.explain}
            </span>
          </span>
        </label>
      ))}
      {error && <p className="error">{error}</p>}
    </fieldset>
  );
}

/** How long submissions are kept. */
export function RetentionSection({ definition, set, t, issue }: SectionProps) {
  return (
    <fieldset className="form-settings-section">
      <legend>{t.retention}</legend>
      <NumberField
        id="form-settings-retention"
        label={t.retentionDays}
        hint={t.retentionHint}
        value={getAt(definition, ['retentionDays'])}
        onChange={(value) => set(['retentionDays'], value, t.retentionDays)}
        error={issue('retentionDays')}
      />
    </fieldset>
  );
}

interface Team {
  id?: string;
  name?: string;
  email?: string;
  ageGroup?: string;
  languages?: string[];
}

/** Counselling intake's teams, for reading: they are edited in the JSON mode. */
export function IntakeSection({ definition, t, issue }: SectionProps) {
  const teams = getAt(definition, ['settings', 'intake', 'teams']);
  const list = Array.isArray(teams) ? (teams as Team[]) : [];
  const error = issue('settings.intake.teams') ?? issue('settings.intake');
  return (
    <fieldset className="form-settings-section">
      <legend>{t.intake}</legend>
      {list.length === 0 ? (
        <p className="muted">{t.intakeNone}</p>
      ) : (
        <ul>
          {list.map((team, index) => (
            <li key={team.id ?? index}>
              <strong>{team.name ?? team.id}</strong> – {team.email} (
              {t.ageGroups[team.ageGroup ?? ''] ?? team.ageGroup}
              {team.languages?.length ? `; ${team.languages.join(', ')}` : ''})
            </li>
          ))}
        </ul>
      )}
      {error && <p className="error">{error}</p>}
    </fieldset>
  );
}
