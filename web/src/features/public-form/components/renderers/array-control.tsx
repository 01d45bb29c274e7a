import { type ArrayControlProps, composePaths, createDefaultValue, findUISchema } from '@jsonforms/core';
import { JsonFormsDispatch, useJsonForms, withJsonFormsArrayControlProps } from '@jsonforms/react';
import { useEffect, useMemo, useRef } from 'react';
import { fieldId } from '../../utils/field-id.ts';
import { arrayWords, keyPrefixOf } from '../../utils/labels.ts';
import { useFormUi } from '../form-ui-context.tsx';
import { ErrorText, RequiredMark, useFieldState } from './field-parts.tsx';

const FOCUSABLE = 'input, select, textarea, button';

/**
 * A list of entries (an array of objects) as a list of fieldsets, "Language 1", "Language 2", each
 * with its own remove button, and one add button. No table: it reads in order and fits a phone.
 */
function ArrayControl(props: ArrayControlProps) {
  const { path, label, description, required, errors, enabled, visible, schema, rootSchema, uischema } =
    props;
  const { messages } = useFormUi();
  const translate = useJsonForms().i18n?.translate;
  const state = useFieldState(path, errors, description);
  const items: unknown[] = Array.isArray(props.data) ? props.data : [];
  const words = useMemo(
    () => arrayWords(keyPrefixOf(path), label, schema, translate ?? ((_k, d) => d as never), messages),
    [path, label, schema, translate, messages],
  );
  const detail = useMemo(
    () => findUISchema(props.uischemas ?? [], schema, uischema.scope, path, undefined, uischema, rootSchema),
    [props.uischemas, schema, uischema, path, rootSchema],
  );
  const list = useRef<HTMLOListElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const previousCount = useRef(items.length);
  const addItem = () => props.addItem(path, createDefaultValue(schema, rootSchema))();

  // Keyboard users land in the entry they just added (starting entries and restored drafts do not
  // count: they are there before the first render).
  useEffect(() => {
    if (items.length > previousCount.current) {
      const last = list.current?.lastElementChild?.querySelector<HTMLElement>(FOCUSABLE);
      last?.focus();
    }
    previousCount.current = items.length;
  }, [items.length]);

  if (!visible) return null;
  return (
    <fieldset className="field array" aria-describedby={state.describedBy}>
      <legend>
        {label}
        <RequiredMark required={required} />
      </legend>
      {state.hintId && (
        <p id={state.hintId} className="hint">
          {description}
        </p>
      )}
      {state.errorId && <ErrorText id={state.errorId} text={errors} />}
      {items.length === 0 && <p className="hint">{words.empty}</p>}
      <ol className="array-items" ref={list}>
        {items.map((_, index) => (
          // Items have no identity of their own; the index is their address in the data too.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={index}>
            <fieldset className="array-item">
              <legend>{words.legend(index)}</legend>
              <JsonFormsDispatch
                schema={schema}
                uischema={detail}
                path={composePaths(path, String(index))}
                enabled={enabled}
                renderers={props.renderers}
                cells={props.cells}
              />
              <button
                type="button"
                className="secondary"
                disabled={!enabled}
                onClick={() => {
                  props.removeItems?.(path, [index])();
                  addButton.current?.focus();
                }}
              >
                {words.remove(index)}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <button
        ref={addButton}
        id={fieldId(path)}
        type="button"
        className="secondary"
        disabled={!enabled}
        onClick={addItem}
      >
        {words.add}
      </button>
    </fieldset>
  );
}

export default withJsonFormsArrayControlProps(ArrayControl);
