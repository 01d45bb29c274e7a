import { useRef } from 'react';
import type { BuildMessages } from '../messages.ts';
import {
  duplicateElement,
  type ElementId,
  type FormDefinitionDraft,
  findField,
  moveBy,
  type OutlineNode,
  outlineOf,
  removeElement,
  requiredWhenOf,
  setLabel,
  setRequiredWhen,
  setShowWhen,
  showWhenOf,
  wrapInSection,
} from '../model/index.ts';
import { ConditionPicker } from './condition-picker.tsx';
import { FieldProperties } from './field-properties.tsx';
import { TextInput } from './inputs.tsx';

interface Props {
  readonly definition: FormDefinitionDraft;
  readonly onChange: (next: FormDefinitionDraft, what: string) => void;
  readonly t: BuildMessages;
  readonly selected: ElementId | undefined;
  readonly onSelect: (id: ElementId | undefined) => void;
}

function nodeAt(nodes: readonly OutlineNode[], id: ElementId): OutlineNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const inner = nodeAt(node.children, id);
    if (inner) return inner;
  }
  return undefined;
}

function Actions({
  definition,
  onChange,
  t,
  node,
  onSelect,
}: Omit<Props, 'selected'> & { node: OutlineNode }) {
  const label = node.label || t.types[node.kind === 'field' ? 'other' : node.kind];
  const apply = (result: { definition: FormDefinitionDraft; id: ElementId }, what: string) => {
    if (result.definition === definition) return;
    onChange(result.definition, what);
    onSelect(result.id);
  };
  return (
    <fieldset className="build-actions">
      <legend className="visually-hidden">{label}</legend>
      <button type="button" onClick={() => apply(moveBy(definition, node.id, -1), t.moved(label))}>
        {t.moveUp}
      </button>
      <button type="button" onClick={() => apply(moveBy(definition, node.id, 1), t.moved(label))}>
        {t.moveDown}
      </button>
      <button type="button" onClick={() => apply(duplicateElement(definition, node.id), t.duplicated(label))}>
        {t.duplicate}
      </button>
      {node.kind !== 'step' && (
        <button type="button" onClick={() => apply(wrapInSection(definition, node.id), t.wrapped(label))}>
          {t.wrap}
        </button>
      )}
      <button
        type="button"
        className="danger"
        onClick={() => {
          onChange(removeElement(definition, node.id), t.removed(label));
          onSelect(undefined);
        }}
      >
        {t.remove}
      </button>
    </fieldset>
  );
}

/**
 * The name changes carry for the undo history: the label the element had when it was selected, so
 * typing a new label gives one run of equally named changes the page can merge.
 */
function useNameAtSelection(node: OutlineNode | undefined, fallback: string): string {
  const remembered = useRef<{ id: string; name: string }>(undefined);
  if (node && remembered.current?.id !== node.id)
    remembered.current = { id: node.id, name: node.label || fallback };
  return remembered.current?.name ?? fallback;
}

/** The selected element's properties and actions. */
export function PropertiesPanel({ definition, onChange, t, selected, onSelect }: Props) {
  const node = selected === undefined ? undefined : nodeAt(outlineOf(definition), selected);
  const kindName = node ? t.types[node.kind === 'field' ? 'other' : node.kind] : '';
  const name = useNameAtSelection(node, kindName);
  if (!node)
    return (
      <section className="build-properties" aria-labelledby="build-properties-title">
        <h3 id="build-properties-title">{t.properties}</h3>
        <p className="muted">{t.noSelection}</p>
      </section>
    );
  const field = findField(definition, node.id);
  const label = node.label || kindName;
  return (
    <section className="build-properties" aria-labelledby="build-properties-title">
      <h3 id="build-properties-title">
        {t.properties}: {label}
      </h3>
      <Actions definition={definition} onChange={onChange} t={t} node={node} onSelect={onSelect} />
      <TextInput
        id="build-label"
        label={node.kind === 'text' ? t.text : t.label}
        value={node.label}
        multiline={node.kind === 'text'}
        onChange={(v) =>
          onChange(setLabel(definition, node.id, v), t.changed(name, node.kind === 'text' ? t.text : t.label))
        }
      />
      {field && (
        <FieldProperties definition={definition} field={field} name={name} t={t} onChange={onChange} />
      )}
      <ConditionPicker
        id="build-show-when"
        legend={t.showWhen}
        definition={definition}
        selected={node.id}
        value={showWhenOf(definition, node.id)}
        onPick={(c) => onChange(setShowWhen(definition, node.id, c), t.changed(name, t.showWhen))}
        t={t}
      />
      {field && field.names.length > 0 && (
        <ConditionPicker
          id="build-required-when"
          legend={t.requiredWhen}
          definition={definition}
          selected={node.id}
          value={requiredWhenOf(definition, node.id)}
          onPick={(c) => onChange(setRequiredWhen(definition, node.id, c), t.changed(name, t.requiredWhen))}
          t={t}
        />
      )}
    </section>
  );
}
