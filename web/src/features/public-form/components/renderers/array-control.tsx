import {
  type ArrayControlProps,
  composePaths,
  createDefaultValue,
  deriveTypes,
  findUISchema,
  type JsonSchema,
  type UISchemaElement,
} from '@jsonforms/core';
import { JsonFormsDispatch, useJsonForms, withJsonFormsArrayControlProps } from '@jsonforms/react';
import { type ReactNode, useLayoutEffect, useMemo, useRef } from 'react';
import { fieldId } from '../../utils/field-id.ts';
import { arrayWords, keyPrefixOf } from '../../utils/labels.ts';
import { useFormUi } from '../form-ui-context.tsx';
import { ErrorText, RequiredMark, useFieldState } from './field-parts.tsx';

const FOCUSABLE = 'input, select, textarea, button';

/** Plain values (strings, numbers) are one field per entry, labelled "Tags, entry 2". */
const isPlain = (items: JsonSchema) =>
  !deriveTypes(items).some((type) => type === 'object' || type === 'array');

/**
 * The UI schema of one plain entry: its label is the entry's name, and its own i18n key keeps the
 * list's label (`<path>.label`) from being used for every entry.
 */
const plainEntry = (prefix: string, label: string): UISchemaElement =>
  ({ type: 'Control', scope: '#', label, i18n: `${prefix}.item` }) as UISchemaElement;

/**
 * A list of entries (an array of objects) as a list of fieldsets, "Language 1", "Language 2", each
 * with its own remove button, and one add button. No table: it reads in order and fits a phone.
 * A list of plain values gets one labelled field per entry instead of a fieldset.
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
  const plain = isPlain(schema);
  const addItem = () => props.addItem(path, createDefaultValue(schema, rootSchema))();

  // Keyboard users land in the entry they just added (starting entries and restored drafts do not
  // count: they are there before the first render).
  useLayoutEffect(() => {
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
            <Entry plain={plain} legend={words.legend(index)}>
              <JsonFormsDispatch
                schema={schema}
                uischema={plain ? plainEntry(keyPrefixOf(path), words.legend(index)) : detail}
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
            </Entry>
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

/** An entry of objects is a fieldset named "Language 2"; a plain value's field carries that name itself. */
function Entry({ plain, legend, children }: { plain: boolean; legend: string; children: ReactNode }) {
  if (plain) return <div className="array-item array-item--plain">{children}</div>;
  return (
    <fieldset className="array-item">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

export default withJsonFormsArrayControlProps(ArrayControl);
