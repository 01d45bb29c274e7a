import type { BuildMessages } from '../messages.ts';
import {
  type Condition,
  conditionValuesOf,
  type ElementId,
  type FormDefinitionDraft,
  listFields,
} from '../model/index.ts';
import { Fieldset } from './inputs.tsx';

interface Props {
  readonly id: string;
  readonly legend: string;
  readonly definition: FormDefinitionDraft;
  readonly selected: ElementId;
  readonly value: Condition | undefined;
  readonly onPick: (condition: Condition | undefined) => void;
  readonly t: BuildMessages;
}

/** "Only when field X has value V": a field with options or yes/no, and one of its values. */
export function ConditionPicker({ id, legend, definition, selected, value, onPick, t }: Props) {
  const candidates = listFields(definition).filter(
    (f) =>
      f.id !== selected &&
      !f.id.startsWith(`${selected}.`) &&
      f.names.length > 0 &&
      conditionValuesOf(f.schema).length > 0,
  );
  const field = candidates.find((f) => f.scope === value?.scope);
  const values = field ? conditionValuesOf(field.schema) : [];
  const valueText = (v: string | boolean, label: string) => (v === true ? t.yes : v === false ? t.no : label);
  return (
    <Fieldset legend={legend}>
      <div className="field">
        <label htmlFor={`${id}-field`}>{t.conditionField}</label>
        <select
          id={`${id}-field`}
          value={field?.scope ?? ''}
          onChange={(e) => {
            const next = candidates.find((f) => f.scope === e.target.value);
            const first = next && conditionValuesOf(next.schema)[0];
            onPick(next && first ? { scope: next.scope, value: first.value } : undefined);
          }}
        >
          <option value="">{t.always}</option>
          {candidates.map((f) => (
            <option key={f.id} value={f.scope}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
      {field && value && (
        <div className="field">
          <label htmlFor={`${id}-value`}>{t.conditionValue}</label>
          <select
            id={`${id}-value`}
            value={JSON.stringify(value.value)}
            onChange={(e) =>
              onPick({ scope: field.scope, value: JSON.parse(e.target.value) as Condition['value'] })
            }
          >
            {values.map((v) => (
              <option key={String(v.value)} value={JSON.stringify(v.value)}>
                {valueText(v.value, v.label)}
              </option>
            ))}
          </select>
        </div>
      )}
    </Fieldset>
  );
}
