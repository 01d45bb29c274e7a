import {
  type CombinatorKeyword,
  type CombinatorRendererProps,
  createCombinatorRenderInfos,
  createDefaultValue,
  type JsonSchema,
} from '@jsonforms/core';
import {
  JsonFormsDispatch,
  useJsonForms,
  withJsonFormsAnyOfProps,
  withJsonFormsOneOfProps,
} from '@jsonforms/react';
import { useMemo, useState } from 'react';
import { format } from '../../messages.ts';
import { fieldId } from '../../utils/field-id.ts';
import { humanise, keyPrefixOf } from '../../utils/labels.ts';
import { useFormUi } from '../form-ui-context.tsx';
import { ChoiceFieldset, useFieldState } from './field-parts.tsx';

/**
 * `oneOf` / `anyOf` subschemas: first the choice of alternative (radios, named by their `title`,
 * else by the definition they refer to, else "Option 2"; a title is translated by `<path>.<title>`
 * as JSON Forms does for `oneOf` enum options),
 * then the chosen alternative's fields. Switching a `oneOf` starts the new alternative empty, as
 * JSON Forms' own renderers do: answers of the other one would make the data invalid.
 */
function combinatorControl(keyword: Exclude<CombinatorKeyword, 'allOf'>) {
  return function CombinatorControl(props: CombinatorRendererProps) {
    const { path, label, description, required, errors, enabled, visible, schema, rootSchema, uischema } =
      props;
    const { messages } = useFormUi();
    const translate = useJsonForms().i18n?.translate;
    const state = useFieldState(path, errors, description);
    const [chosen, setChosen] = useState<number>(props.indexOfFittingSchema ?? 0);
    const infos = useMemo(
      () =>
        createCombinatorRenderInfos(
          (schema[keyword] ?? []) as JsonSchema[],
          rootSchema,
          keyword,
          uischema,
          path,
          props.uischemas ?? [],
        ),
      [schema, rootSchema, uischema, path, props.uischemas],
    );
    if (!visible) return null;
    const choose = (index: number) => {
      setChosen(index);
      const alternative = infos[index];
      if (keyword === 'oneOf' && alternative)
        props.handleChange(path, createDefaultValue(alternative.schema, rootSchema));
    };
    const chooserId = `${fieldId(path)}-choice`;
    const current = infos[chosen];
    return (
      <div className="combinator">
        <ChoiceFieldset
          state={state}
          label={label}
          description={description}
          required={required}
          errors={errors}
        >
          <div className="choice-list">
            {infos.map((info, index) => {
              const id = `${chooserId}-${index}`;
              const own = info.label !== `${keyword}-${index}`;
              const reference = (schema[keyword]?.[index] as JsonSchema | undefined)?.$ref;
              return (
                <div className="choice" key={id}>
                  <input
                    id={id}
                    type="radio"
                    name={chooserId}
                    checked={index === chosen}
                    disabled={!enabled}
                    onChange={() => choose(index)}
                  />
                  <label htmlFor={id}>
                    {own
                      ? (translate?.(`${keyPrefixOf(path)}.${info.label}`, info.label) ?? info.label)
                      : reference
                        ? humanise(reference.split('/').pop() ?? reference)
                        : format(messages.option, { n: index + 1 })}
                  </label>
                </div>
              );
            })}
          </div>
        </ChoiceFieldset>
        {current && (
          <JsonFormsDispatch
            key={chosen}
            schema={current.schema}
            uischema={current.uischema}
            path={path}
            enabled={enabled}
            renderers={props.renderers}
            cells={props.cells}
          />
        )}
      </div>
    );
  };
}

export const OneOfControl = withJsonFormsOneOfProps(combinatorControl('oneOf'));
export const AnyOfControl = withJsonFormsAnyOfProps(combinatorControl('anyOf'));
