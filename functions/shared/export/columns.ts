import type { FormDefinition } from '../contracts/form-definition.ts';
import type { InboxStatus } from '../domain/inbox.ts';
import type { Cell } from './cells.ts';
import { dateCell, dateTimeCell } from './dates.ts';
import { type ExportTexts, exportTexts, languageName } from './labels.ts';
import { type UiLayout, uiLayout } from './ui-layout.ts';

/** One submission as the export sees it: the inbox entry's facts and the answers. */
export interface ExportRecord {
  readonly submissionId: string;
  readonly receiptNumber: string;
  readonly receivedAt: string;
  readonly status: InboxStatus;
  readonly formVersion: number;
  readonly locale: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface Column {
  readonly key: string;
  readonly label: string;
  /** How a spreadsheet shows it; dates get a date format. */
  readonly kind: 'text' | 'number' | 'date' | 'datetime';
  value(record: ExportRecord): Cell;
}

export interface ColumnOptions {
  /** The language of the labels; a version without it falls back to its default locale. */
  readonly locale: string;
  /** The organisation's time zone, for the local receipt time. */
  readonly timeZone: string;
}

export interface VersionedDefinition {
  readonly version: number;
  readonly definition: FormDefinition;
}

interface SchemaNode {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
  readonly format?: string;
}

/**
 * The columns of an export: fixed ones first (receipt, times, status, version, language), then one
 * per field in the order the form shows them. Over several versions the columns are the union, in
 * the newest version's order, each labelled by the newest version that has it.
 */
export function exportColumns(versions: readonly VersionedDefinition[], options: ColumnOptions): Column[] {
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  const texts = mergedTexts(newestFirst, options.locale);
  const fixed = exportTexts(options.locale);
  const perVersion = newestFirst.map(({ definition }) =>
    fieldColumns(definition, { texts, fixed, options, ui: uiLayout(definition.uischema) }),
  );
  return [...fixedColumns(fixed, options), ...mergeInOrder(perVersion)];
}

export const toRow = (columns: readonly Column[], record: ExportRecord): Cell[] =>
  columns.map((column) => column.value(record));

function fixedColumns(texts: ExportTexts, options: ColumnOptions): Column[] {
  return [
    { key: '@receiptNumber', label: texts.receiptNumber, kind: 'text', value: (r) => r.receiptNumber },
    { key: '@receivedAt', label: texts.receivedAt, kind: 'text', value: (r) => r.receivedAt },
    {
      key: '@receivedAtLocal',
      label: texts.receivedAtLocal,
      kind: 'datetime',
      value: (r) => dateTimeCell(r.receivedAt, options.timeZone, options.locale),
    },
    { key: '@status', label: texts.status, kind: 'text', value: (r) => texts.statuses[r.status] ?? r.status },
    { key: '@formVersion', label: texts.formVersion, kind: 'number', value: (r) => r.formVersion },
    {
      key: '@locale',
      label: texts.applicantLanguage,
      kind: 'text',
      value: (r) => languageName(r.locale, options.locale),
    },
  ];
}

/** Older versions' texts first, so the newest version that has a key wins. */
function mergedTexts(newestFirst: readonly VersionedDefinition[], locale: string): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const { definition } of [...newestFirst].reverse()) {
    Object.assign(texts, definition.translations[definition.defaultLocale], definition.translations[locale]);
  }
  return texts;
}

/** The newest version's columns, with each column only older versions had put after its predecessor there. */
function mergeInOrder(newestFirst: readonly Column[][]): Column[] {
  const merged = [...(newestFirst[0] ?? [])];
  for (const older of newestFirst.slice(1)) {
    older.forEach((column, index) => {
      if (merged.some((known) => known.key === column.key)) return;
      const before = older
        .slice(0, index)
        .reverse()
        .find((candidate) => merged.some((known) => known.key === candidate.key));
      const at = before ? merged.findIndex((known) => known.key === before.key) + 1 : 0;
      merged.splice(at, 0, column);
    });
  }
  return merged;
}

interface Context {
  readonly texts: Readonly<Record<string, string>>;
  readonly fixed: ExportTexts;
  readonly options: ColumnOptions;
  readonly ui: UiLayout;
}

function fieldColumns(definition: FormDefinition, context: Context): Column[] {
  const columns: Column[] = [];
  const walk = (node: SchemaNode, path: string[], labels: string[]) => {
    for (const name of context.ui.ordered(path, Object.keys(node.properties ?? {}))) {
      const child = node.properties?.[name] as SchemaNode;
      const childPath = [...path, name];
      const trail = [...labels, labelOf(childPath, context)];
      if (isType(child, 'object') && child.properties) walk(child, childPath, trail);
      else if (isType(child, 'array') && child.items?.properties) {
        const items = child.items;
        for (const sub of context.ui.ordered(childPath, Object.keys(items.properties ?? {}))) {
          const subPath = [...childPath, sub];
          const pick = (data: Readonly<Record<string, unknown>>) =>
            listAt(data, childPath).map((item) => (item as Record<string, unknown> | null)?.[sub]);
          columns.push(
            leafColumn(items.properties?.[sub] ?? {}, subPath, [...trail, labelOf(subPath, context)], pick, {
              list: true,
              context,
            }),
          );
        }
      } else {
        const pick = (data: Readonly<Record<string, unknown>>) => [valueAt(data, childPath)];
        columns.push(leafColumn(child, childPath, trail, pick, { list: false, context }));
      }
    }
  };
  walk(definition.schema as SchemaNode, [], []);
  return columns;
}

function leafColumn(
  node: SchemaNode,
  path: string[],
  labels: string[],
  pick: (data: Readonly<Record<string, unknown>>) => unknown[],
  { list, context }: { list: boolean; context: Context },
): Column {
  const key = path.join('.');
  const kind = list ? 'text' : kindOf(node);
  const base = context.ui.i18nOf(key) ?? key;
  return {
    key,
    label: labels.join(' – '),
    kind,
    value(record) {
      const values = pick(record.data).filter(
        (value) => value !== undefined && value !== null && value !== '',
      );
      if (values.length === 0) return null;
      const [first] = values;
      if (values.length === 1 && kind === 'number' && typeof first === 'number') return first;
      if (values.length === 1 && kind === 'date' && typeof first === 'string')
        return dateCell(first, context.options.locale) ?? first;
      if (values.length === 1 && kind === 'datetime' && typeof first === 'string')
        return dateTimeCell(first, context.options.timeZone, context.options.locale) ?? first;
      return values.map((value) => formatValue(base, value, context)).join('; ');
    },
  };
}

/** A list's values are joined into text; a single number or date keeps its type for spreadsheets. */
function kindOf(node: SchemaNode): Column['kind'] {
  if (isType(node, 'number') || isType(node, 'integer')) return 'number';
  if (node.format === 'date') return 'date';
  if (node.format === 'date-time') return 'datetime';
  return 'text';
}

function formatValue(base: string, value: unknown, context: Context): string {
  if (Array.isArray(value)) return value.map((item) => formatValue(base, item, context)).join('; ');
  if (typeof value === 'boolean') return value ? context.fixed.yes : context.fixed.no;
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .map(([name, inner]) => formatValue(`${base}.${name}`, inner, context))
      .join(', ');
  }
  const text = String(value);
  return context.texts[`${base}.${text}`] ?? text;
}

function labelOf(path: readonly string[], context: Context): string {
  const key = path.join('.');
  const i18n = context.ui.i18nOf(key) ?? key;
  return context.texts[`${i18n}.label`] ?? context.ui.labelOf(key) ?? path.at(-1) ?? key;
}

const isType = (node: SchemaNode | undefined, type: string): boolean =>
  node?.type === type || (Array.isArray(node?.type) && node.type.includes(type));

function valueAt(data: Readonly<Record<string, unknown>>, path: readonly string[]): unknown {
  let current: unknown = data;
  for (const segment of path) current = (current as Record<string, unknown> | null | undefined)?.[segment];
  return current;
}

function listAt(data: Readonly<Record<string, unknown>>, path: readonly string[]): unknown[] {
  const value = valueAt(data, path);
  return Array.isArray(value) ? value : [];
}
