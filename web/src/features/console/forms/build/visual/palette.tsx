import { useDraggable } from '@dnd-kit/core';
import type { BuildMessages } from '../messages.ts';
import type { LibraryFieldLike } from '../model/library.ts';
import { libraryLabel } from '../model/library.ts';
import { type PaletteType, paletteTypes } from '../model/types.ts';

interface Props {
  readonly t: BuildMessages;
  readonly uiLocale: string;
  readonly library: readonly LibraryFieldLike[];
  readonly onAdd: (type: PaletteType) => void;
  readonly onAddLibrary: (field: LibraryFieldLike) => void;
}

function PaletteButton({ dragId, label, onClick }: { dragId: string; label: string; onClick: () => void }) {
  // Dragging starts only after a few pixels (see the sensors), so a click still adds the field.
  const { setNodeRef, listeners, isDragging } = useDraggable({ id: dragId });
  return (
    <li>
      <button
        type="button"
        ref={setNodeRef}
        {...listeners}
        onClick={onClick}
        data-dragging={isDragging || undefined}
      >
        {label}
      </button>
    </li>
  );
}

/** Buttons that add a field after the selection; a mouse can also drag them into the outline. */
export function Palette({ t, uiLocale, library, onAdd, onAddLibrary }: Props) {
  return (
    <section className="build-palette" aria-labelledby="build-palette-title">
      <h3 id="build-palette-title">{t.palette}</h3>
      <p className="muted">{t.paletteHint}</p>
      <ul>
        {paletteTypes.map((type) => (
          <PaletteButton
            key={type}
            dragId={`palette:${type}`}
            label={t.types[type]}
            onClick={() => onAdd(type)}
          />
        ))}
      </ul>
      {library.length > 0 && (
        <>
          <h3>{t.library}</h3>
          <ul>
            {library.map((field) => (
              <PaletteButton
                key={field.id}
                dragId={`library:${field.id}`}
                label={libraryLabel(field, uiLocale)}
                onClick={() => onAddLibrary(field)}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
