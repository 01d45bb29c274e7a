import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useMemo } from 'react';
import type { BuildMessages } from '../messages.ts';
import {
  addElement,
  addLibraryField,
  type ElementId,
  type FormDefinitionDraft,
  moveElement,
  outlineOf,
  type PaletteType,
  type Slot,
  slotAfter,
} from '../model/index.ts';
import type { LibraryFieldLike } from '../model/library.ts';
import { libraryLabel } from '../model/library.ts';
import { dropSlot, type FlatRow, fitSlot, flatten, insertSlot } from './flat-outline.ts';
import { OutlineList, rowLabel } from './outline-list.tsx';
import { Palette } from './palette.tsx';
import { PropertiesPanel } from './properties-panel.tsx';

interface Props {
  readonly definition: FormDefinitionDraft;
  readonly onChange: (next: FormDefinitionDraft, what: string) => void;
  readonly t: BuildMessages;
  readonly uiLocale: string;
  readonly library: readonly LibraryFieldLike[];
  readonly selected: ElementId | undefined;
  readonly onSelect: (id: ElementId | undefined) => void;
}

function useAnnouncements(rows: readonly FlatRow[], t: BuildMessages): Announcements {
  return useMemo(() => {
    const name = (key: string | number | undefined) => {
      const row = rows.find((r) => r.key === key);
      return row ? rowLabel(row, t) : String(key ?? '').replace(/^\w+:/, '');
    };
    return {
      onDragStart: ({ active }) => t.announce.start(name(active.id)),
      onDragOver: ({ active, over }) => (over ? t.announce.over(name(active.id), name(over.id)) : undefined),
      onDragEnd: ({ active, over }) =>
        over ? t.announce.end(name(active.id), name(over.id)) : t.announce.cancel(name(active.id)),
      onDragCancel: ({ active }) => t.announce.cancel(name(active.id)),
    };
  }, [rows, t]);
}

/** Palette, outline and properties side by side; drag and drop and the keyboard move fields. */
export function VisualEditor({ definition, onChange, t, uiLocale, library, selected, onSelect }: Props) {
  const rows = useMemo(() => flatten(outlineOf(definition)), [definition]);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const announcements = useAnnouncements(rows, t);

  const add = (type: PaletteType, slot: Slot = slotAfter(definition, selected)) => {
    const result = addElement(definition, type, slot);
    onChange(result.definition, t.added(t.types[type]));
    onSelect(result.id);
  };
  const addLibrary = (field: LibraryFieldLike, slot: Slot = slotAfter(definition, selected)) => {
    const result = addLibraryField(definition, field, slot);
    onChange(result.definition, t.added(libraryLabel(field, uiLocale)));
    onSelect(result.id);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over) return;
    const activeKey = String(active.id);
    const overRow = rows.find((r) => r.key === over.id);
    const newSlot = overRow
      ? insertSlot(overRow)
      : { parent: '', index: rows.filter((r) => r.depth === 0 && r.kind === 'element').length };
    if (activeKey.startsWith('palette:'))
      return add(activeKey.slice('palette:'.length) as PaletteType, newSlot);
    if (activeKey.startsWith('library:')) {
      const field = library.find((f) => f.id === activeKey.slice('library:'.length));
      return field ? addLibrary(field, newSlot) : undefined;
    }
    const row = rows.find((r) => r.key === activeKey);
    const wanted = dropSlot(rows, activeKey, String(over.id));
    const slot = row && wanted && fitSlot(definition, row.id, wanted);
    if (!row || !slot) return;
    const result = moveElement(definition, row.id, slot);
    if (result.definition === definition) return;
    onChange(result.definition, t.moved(rowLabel(row, t)));
    onSelect(result.id);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t.dragHint } }}
    >
      <div className="build-visual">
        <Palette
          t={t}
          uiLocale={uiLocale}
          library={library}
          onAdd={(type) => add(type)}
          onAddLibrary={(f) => addLibrary(f)}
        />
        <OutlineList t={t} rows={rows} selected={selected} onSelect={onSelect} />
        <PropertiesPanel
          definition={definition}
          onChange={onChange}
          t={t}
          selected={selected}
          onSelect={onSelect}
        />
      </div>
    </DndContext>
  );
}
