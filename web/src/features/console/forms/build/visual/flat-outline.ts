import { canPlace, type FormDefinitionDraft, type OutlineNode, parentOf, type Slot } from '../model/index.ts';

/*
 * The outline as one flat list for dnd-kit's sortable list (and its keyboard coordinates): each
 * element, and after each section's or step's children an "end" row, so an empty section can
 * take a field and the end of a section is a place of its own.
 */

export interface FlatRow {
  readonly key: string;
  readonly kind: 'element' | 'end';
  readonly id: string;
  readonly depth: number;
  readonly node: OutlineNode;
}

const holdsElements = (node: OutlineNode) =>
  node.kind === 'section' || node.kind === 'step' || node.kind === 'layout';

export function flatten(nodes: readonly OutlineNode[], depth = 0): FlatRow[] {
  return nodes.flatMap((node) => [
    { key: `el:${node.id}`, kind: 'element' as const, id: node.id, depth, node },
    ...flatten(node.children, depth + 1),
    ...(holdsElements(node)
      ? [{ key: `end:${node.id}`, kind: 'end' as const, id: node.id, depth: depth + 1, node }]
      : []),
  ]);
}

const within = (id: string, ancestor: string) => id === ancestor || id.startsWith(`${ancestor}.`);

/** The slot right behind a row: first in a section whose heading it is, after it otherwise. */
function slotBehind(row: FlatRow | undefined): Slot {
  if (!row) return { parent: '', index: 0 };
  if (row.kind === 'element' && holdsElements(row.node)) return { parent: row.id, index: 0 };
  const { parent, index } = parentOf(row.id);
  return { parent, index: index + 1 };
}

/** Lifts a slot out of sections until the element may go there (a step only between steps). */
export function fitSlot(definition: FormDefinitionDraft, id: string, slot: Slot): Slot | undefined {
  let current = slot;
  while (!canPlace(definition, id, current) && current.parent !== '') {
    const outer = parentOf(current.parent);
    current = { parent: outer.parent, index: outer.index + 1 };
  }
  return canPlace(definition, id, current) ? current : undefined;
}

/**
 * Where a dragged row lands when dropped over another, read as the list looks after the move:
 * moving down it goes behind the row it is over, moving up in front of it.
 */
export function dropSlot(rows: readonly FlatRow[], activeKey: string, overKey: string): Slot | undefined {
  const activeIndex = rows.findIndex((r) => r.key === activeKey);
  const overIndex = rows.findIndex((r) => r.key === overKey);
  const active = rows[activeIndex];
  const over = rows[overIndex];
  if (!active || !over || activeKey === overKey) return undefined;
  if (within(over.id, active.id)) return undefined;
  const rest = rows.filter((r) => !within(r.id, active.id));
  const at = rest.indexOf(over) + (activeIndex < overIndex ? 1 : 0);
  return slotBehind(rest[at - 1]);
}

/** Where something new dropped over a row goes: in front of it (or at the end of a section). */
export function insertSlot(row: FlatRow): Slot {
  if (row.kind === 'end') return { parent: row.id, index: row.node.children.length };
  return parentOf(row.id);
}
