import type { BuildMessages } from '../messages.ts';
import {
  type Choice,
  choicesOf,
  type FieldInfo,
  type FormDefinitionDraft,
  setChoices,
} from '../model/index.ts';
import { Fieldset } from './inputs.tsx';

interface Props {
  readonly definition: FormDefinitionDraft;
  readonly field: FieldInfo;
  readonly name: string;
  readonly t: BuildMessages;
  readonly onChange: (next: FormDefinitionDraft, what: string) => void;
}

const nextValue = (choices: readonly Choice[]) => {
  const taken = new Set(choices.map((c) => c.value));
  let n = choices.length + 1;
  while (taken.has(`option-${n}`)) n++;
  return `option-${n}`;
};

/** The options of a choice: text people see and the value stored (kept when the text changes). */
export function ChoicesEditor({ definition, field, name, t, onChange }: Props) {
  const choices = choicesOf(field.schema);
  const write = (next: Choice[]) =>
    onChange(setChoices(definition, field.id, next), t.changed(name, t.options));
  const update = (index: number, change: Partial<Choice>) =>
    write(choices.map((c, i) => (i === index ? { ...c, ...change } : c)));
  return (
    <Fieldset legend={t.options}>
      <ol className="build-choices">
        {choices.map((choice, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a value may be edited into another's, the row stays.
          <li key={index}>
            <label>
              <span>{t.optionLabel}</span>
              <input
                value={choice.label}
                dir="auto"
                onChange={(e) => update(index, { label: e.target.value })}
              />
            </label>
            <label>
              <span>{t.optionValue}</span>
              <input value={choice.value} onChange={(e) => update(index, { value: e.target.value })} />
            </label>
            <button
              type="button"
              aria-label={t.removeOption(choice.label)}
              onClick={() => write(choices.filter((_, i) => i !== index))}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() =>
          write([...choices, { value: nextValue(choices), label: `${t.optionLabel} ${choices.length + 1}` }])
        }
      >
        {t.addOption}
      </button>
    </Fieldset>
  );
}
