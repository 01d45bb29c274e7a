import { useState } from 'react';
import type { BuildMessages } from '../messages.ts';
import {
  type FieldInfo,
  type FormDefinitionDraft,
  type Limits,
  patternMessageOf,
  setDescription,
  setLimits,
  setPattern,
  setPlaceholder,
  setRequired,
} from '../model/index.ts';
import { ChoicesEditor } from './choices-editor.tsx';
import { Fieldset, NumberInput, TextInput } from './inputs.tsx';

interface Props {
  readonly definition: FormDefinitionDraft;
  readonly field: FieldInfo;
  /** How changes name the field (its label when it was selected). */
  readonly name: string;
  readonly t: BuildMessages;
  readonly onChange: (next: FormDefinitionDraft, what: string) => void;
}

const textTypes = new Set(['shortText', 'longText', 'email', 'phone', 'other']);

function limitKeysFor(field: FieldInfo): (keyof Limits)[] {
  if (field.type === 'number') return ['minimum', 'maximum'];
  if (field.type === 'multipleChoice' || field.type === 'repeatingGroup') return ['minItems', 'maxItems'];
  if (textTypes.has(field.type) && field.schema.type === 'string') return ['minLength', 'maxLength'];
  return [];
}

const isRegExp = (pattern: string) => {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
};

/** Pattern and message; a pattern that does not compile stays in the input and is not applied. */
function PatternFields({ definition, field, name, t, onChange }: Props) {
  const [pattern, setPatternText] = useState(
    typeof field.schema.pattern === 'string' ? field.schema.pattern : '',
  );
  const message = patternMessageOf(definition, field.path) ?? '';
  const valid = isRegExp(pattern);
  return (
    <>
      <TextInput
        id="build-pattern"
        label={t.pattern}
        value={pattern}
        error={valid ? undefined : t.badPattern}
        onChange={(next) => {
          setPatternText(next);
          if (isRegExp(next))
            onChange(setPattern(definition, field.id, next, message), t.changed(name, t.pattern));
        }}
      />
      {pattern && valid && (
        <TextInput
          id="build-pattern-message"
          label={t.patternMessage}
          value={message}
          onChange={(next) =>
            onChange(setPattern(definition, field.id, pattern, next), t.changed(name, t.patternMessage))
          }
        />
      )}
    </>
  );
}

/** What a field of the form asks for: help, placeholder, required, limits, pattern, options. */
export function FieldProperties({ definition, field, name, t, onChange }: Props) {
  const limits = limitKeysFor(field);
  const isText = textTypes.has(field.type) && field.schema.type === 'string';
  const changed = (what: string) => t.changed(name, what);
  return (
    <>
      <TextInput
        id="build-help"
        label={t.help}
        value={field.description}
        multiline
        onChange={(v) => onChange(setDescription(definition, field.id, v), changed(t.help))}
      />
      {(isText || field.type === 'number' || field.type === 'date') && (
        <TextInput
          id="build-placeholder"
          label={t.placeholder}
          value={typeof field.options.placeholder === 'string' ? field.options.placeholder : ''}
          onChange={(v) => onChange(setPlaceholder(definition, field.id, v), changed(t.placeholder))}
        />
      )}
      {field.names.length > 0 && (
        <div className="field check">
          <input
            id="build-required"
            type="checkbox"
            checked={field.required}
            onChange={(e) =>
              onChange(setRequired(definition, field.id, e.target.checked), changed(t.required))
            }
          />
          <label htmlFor="build-required">{t.required}</label>
        </div>
      )}
      {limits.length > 0 && (
        <Fieldset legend={t.limits}>
          {limits.map((key) => (
            <NumberInput
              key={key}
              id={`build-${key}`}
              label={t[key]}
              value={typeof field.schema[key] === 'number' ? (field.schema[key] as number) : undefined}
              onChange={(v) => onChange(setLimits(definition, field.id, { [key]: v }), changed(t[key]))}
            />
          ))}
        </Fieldset>
      )}
      {isText && field.type !== 'email' && (
        <PatternFields
          key={field.id}
          definition={definition}
          field={field}
          name={name}
          t={t}
          onChange={onChange}
        />
      )}
      {(field.type === 'singleChoice' || field.type === 'multipleChoice') && (
        <ChoicesEditor definition={definition} field={field} name={name} t={t} onChange={onChange} />
      )}
    </>
  );
}
