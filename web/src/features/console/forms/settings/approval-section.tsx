import { choiceFields, getAt } from './definition-access.ts';
import type { SectionProps } from './section-props.ts';
import { ListField, NumberField } from './synced-fields.tsx';

const APPROVAL = ['settings', 'approval'];
const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** Who approves (named coordinators, or by an answer) and when reminders, escalation and expiry come. */
export function ApprovalSection({ definition, set, t, issue }: SectionProps) {
  const at = (...path: string[]) => getAt(definition, [...APPROVAL, ...path]);
  const error = (...path: string[]) => issue([...APPROVAL, ...path].join('.'));
  const fields = choiceFields(getAt(definition, ['schema']));
  const routingField = at('routing', 'field');
  const routed = fields.find((field) => field.name === routingField);
  const days = (key: string, label: string, hint: string) => (
    <NumberField
      id={`form-settings-${key}`}
      label={label}
      hint={hint}
      value={at(key)}
      onChange={(value) => set([...APPROVAL, key], value, label)}
      error={error(key)}
    />
  );
  return (
    <fieldset className="form-settings-section">
      <legend>{t.approval}</legend>
      <ListField
        id="form-settings-coordinators"
        label={t.coordinators}
        hint={t.coordinatorsHint}
        value={asList(at('coordinators'))}
        onChange={(list) => set([...APPROVAL, 'coordinators'], list, t.coordinators)}
        error={error('coordinators')}
      />
      <div className="field">
        <label htmlFor="form-settings-routing-field">{t.routing}</label>
        <select
          id="form-settings-routing-field"
          value={typeof routingField === 'string' ? routingField : ''}
          onChange={(event) =>
            set(
              [...APPROVAL, 'routing'],
              event.target.value ? { field: event.target.value, values: {} } : undefined,
              t.routing,
            )
          }
        >
          <option value="">{t.routingNone}</option>
          {fields.map((field) => (
            <option key={field.name} value={field.name}>
              {field.name}
            </option>
          ))}
        </select>
        {error('routing') && <p className="error">{error('routing')}</p>}
      </div>
      {routed?.values.map((value) => (
        <ListField
          key={value}
          id={`form-settings-routing-${value}`}
          label={t.routingValue(value)}
          value={asList(at('routing', 'values', value))}
          onChange={(list) =>
            set([...APPROVAL, 'routing', 'values', value], list.length ? list : undefined, t.routing)
          }
          error={error('routing', 'values', value)}
        />
      ))}
      {days('reminderAfterDays', t.reminder, t.reminderHint)}
      {days('escalateAfterDays', t.escalate, t.escalateHint)}
      {days('expireAfterDays', t.expire, t.expireHint)}
    </fieldset>
  );
}
