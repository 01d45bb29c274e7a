import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { BuildMessages } from '../messages.ts';
import type { FlatRow } from './flat-outline.ts';

interface Props {
  readonly t: BuildMessages;
  readonly rows: readonly FlatRow[];
  readonly selected: string | undefined;
  readonly onSelect: (id: string) => void;
}

function kindText(row: FlatRow, t: BuildMessages): string {
  const { node } = row;
  if (node.field) return t.types[node.field.type];
  if (node.kind === 'field' || node.kind === 'other') return t.types.other;
  return t.types[node.kind];
}

export function rowLabel(row: FlatRow, t: BuildMessages): string {
  const text = row.node.label || kindText(row, t);
  return row.kind === 'end' ? t.endOf(text) : text;
}

function Row({ row, t, selected, onSelect }: { row: FlatRow } & Omit<Props, 'rows'>) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({
      id: row.key,
      disabled: row.kind === 'end',
    });
  const style = {
    transform: CSS.Translate.toString(transform),
    transition,
    ['--depth' as string]: row.depth,
  };
  const label = rowLabel(row, t);
  if (row.kind === 'end')
    return <li ref={setNodeRef} style={style} className="build-row build-row-end" aria-hidden="true" />;
  const isSelected = selected === row.id;
  return (
    <li
      ref={setNodeRef}
      style={style}
      className="build-row"
      data-kind={row.node.kind}
      data-selected={isSelected || undefined}
      data-dragging={isDragging || undefined}
    >
      <button
        type="button"
        className="build-handle"
        ref={setActivatorNodeRef}
        {...attributes}
        {...listeners}
        aria-label={t.dragHandle(label)}
      >
        <span aria-hidden="true">⠿</span>
      </button>
      <button
        type="button"
        className="build-select"
        aria-pressed={isSelected}
        onClick={() => onSelect(row.id)}
      >
        <span className="build-row-label">{label}</span>
        <span className="build-row-meta">
          {kindText(row, t)}
          {row.node.field?.required ? ` · ${t.required}` : ''}
        </span>
      </button>
    </li>
  );
}

/** Where a palette field dropped below every row lands: the end of the form. */
function EndOfForm() {
  const { setNodeRef, isOver } = useDroppable({ id: 'outline-end' });
  return <div ref={setNodeRef} className="build-outline-end" data-over={isOver || undefined} />;
}

/** The outline: one sortable list, indented by depth, each row with its drag handle. */
export function OutlineList({ t, rows, selected, onSelect }: Props) {
  return (
    <section className="build-outline" aria-labelledby="build-outline-title">
      <h3 id="build-outline-title">{t.outline}</h3>
      {rows.length === 0 && <p className="muted">{t.empty}</p>}
      <SortableContext items={rows.map((r) => r.key)} strategy={verticalListSortingStrategy}>
        <ul>
          {rows.map((row) => (
            <Row key={row.key} row={row} t={t} selected={selected} onSelect={onSelect} />
          ))}
        </ul>
      </SortableContext>
      <EndOfForm />
    </section>
  );
}
