import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { AuditLog } from '../domain/audit.ts';
import { NotFoundError, PayloadTooLargeError, ValidationError } from '../domain/errors.ts';
import type { FormStore } from '../domain/forms.ts';
import type { Caller } from '../domain/staff.ts';
import type { Cell } from './cells.ts';
import { type Column, type ExportRecord, exportColumns, toRow, type VersionedDefinition } from './columns.ts';
import { writeCsv } from './csv.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type { EntryRef, ExportFilter, ExportSource } from './source.ts';
import { writeXlsx } from './xlsx.ts';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportDeps {
  readonly source: ExportSource;
  readonly forms: Pick<FormStore, 'getSummary' | 'getVersion'>;
  readonly audit: AuditLog;
  readonly now: () => Date;
  /** The organisation's time zone, for the local receipt time. */
  readonly timeZone: string;
}

export interface ExportRequest {
  readonly filter: ExportFilter;
  /** The language of the labels. @default the form's default locale */
  readonly locale?: string;
}

interface Plan {
  readonly columns: Column[];
  readonly locale: string;
  readonly versions: number[];
}

const ANSWERS_BATCH = 100;

/**
 * A whole export as one file, for an answer that must fit in memory and in one HTTP response
 * (API Gateway with Lambda: 6 MB, base64 included). Rows still stream through the writer, and it
 * stops reading as soon as the file outgrows `maxBytes`: 413, with the way out in the message.
 */
export async function exportFile(
  deps: ExportDeps,
  caller: Caller,
  request: ExportRequest,
  format: ExportFormat,
  maxBytes: number,
  options: { readonly gzip?: boolean } = {},
): Promise<{ body: Buffer; rows: number; locale: string; gzip: boolean }> {
  const refs = await allRefs(deps, request.filter);
  const plan = await planFor(deps, request, versionsOf(refs));
  const sink = collector();
  // An .xlsx is a zip already; a CSV shrinks about tenfold, so the limit holds ten times the rows.
  const gzip = options.gzip === true && format === 'csv';
  const compressor = gzip ? createGzip() : undefined;
  compressor?.pipe(sink.stream);
  const out = compressor ?? sink.stream;
  const tooLarge = () =>
    new PayloadTooLargeError(
      `This export is larger than ${maxBytes / 1_000_000} MB, more than one answer of the API can carry. Narrow the filter (status, from, to) or use the command line: npm run forms -- export ${request.filter.slug} --format ${format} --out FILE` +
        ` · Dieser Export ist größer als ${maxBytes / 1_000_000} MB. Bitte schränken Sie den Filter ein (Status, Zeitraum) oder exportieren Sie über die Kommandozeile.`,
    );
  async function* guarded() {
    for await (const row of rowsOf(deps, plan.columns, refs)) {
      if (sink.size() > maxBytes) throw tooLarge();
      if (row.cells) yield row.cells;
    }
  }
  const rows =
    format === 'csv'
      ? await writeCsv(
          plan.columns.map((column) => column.label),
          guarded(),
          out,
          plan,
        )
      : await writeXlsx(plan.columns, guarded(), out, plan);
  if (compressor) await finished(sink.stream);
  if (sink.size() > maxBytes) throw tooLarge();
  await record(deps, caller, request, plan, { format, rows });
  return { body: sink.buffer(), rows, locale: plan.locale, gzip };
}

export interface ExportPage {
  /** The language of the labels, which also decides the CSV separator. */
  readonly locale: string;
  readonly columns: ReadonlyArray<Pick<Column, 'key' | 'label' | 'kind'>>;
  readonly rows: Cell[][];
  /** How many submissions the filter matched when the export began (first page only). */
  readonly total?: number;
  /** Ask again with this for the next page; absent on the last one. */
  readonly cursor?: string;
}

/**
 * An export of any size as pages of rows, for the command line (and any client) to write into one
 * file: each page stays well under the response limit, and each is audited with its row count.
 */
export async function exportPage(
  deps: ExportDeps,
  caller: Caller,
  request: ExportRequest,
  cursor: string | undefined,
  budget: { readonly bytes: number; readonly rows: number },
): Promise<ExportPage> {
  const resumed = cursor ? decodeCursor(cursor, request) : undefined;
  const refs = resumed
    ? deps.source.entries(request.filter, resumed.after)
    : await allRefs(deps, request.filter);
  const plan = await planFor(deps, request, resumed?.versions ?? versionsOf(refs as EntryRef[]));
  const rows: Cell[][] = [];
  let bytes = 0;
  let after: string | undefined;
  let more = false;
  for await (const row of rowsOf(deps, plan.columns, refs)) {
    const size = row.cells ? Buffer.byteLength(JSON.stringify(row.cells)) : 0;
    if (rows.length > 0 && (bytes + size > budget.bytes || rows.length >= budget.rows)) {
      more = true;
      break;
    }
    if (row.cells) rows.push(row.cells);
    bytes += size;
    after = row.sortKey;
  }
  const exportId = resumed?.exportId ?? randomUUID();
  const page = (resumed?.page ?? 0) + 1;
  await record(deps, caller, request, plan, { format: 'pages', rows: rows.length, exportId, page });
  return {
    locale: plan.locale,
    columns: plan.columns.map(({ key, label, kind }) => ({ key, label, kind })),
    rows,
    ...(resumed ? {} : { total: (refs as EntryRef[]).length }),
    ...(more && after
      ? { cursor: encodeCursor({ exportId, page, versions: plan.versions, after }, request) }
      : {}),
  };
}

async function allRefs(deps: ExportDeps, filter: ExportFilter): Promise<EntryRef[]> {
  const refs: EntryRef[] = [];
  for await (const ref of deps.source.entries(filter)) refs.push(ref);
  return refs;
}

const versionsOf = (refs: readonly EntryRef[]) => [...new Set(refs.map((ref) => ref.formVersion))];

async function planFor(deps: ExportDeps, request: ExportRequest, versions: readonly number[]): Promise<Plan> {
  const { slug } = request.filter;
  const summary = await deps.forms.getSummary(slug);
  if (!summary) throw new NotFoundError(`There is no form "${slug}".`);
  const wanted = versions.length > 0 ? versions : [summary.publishedVersion ?? summary.latestVersion];
  const found = await Promise.all(wanted.map((version) => deps.forms.getVersion(slug, version)));
  const definitions = found.filter((version) => version !== undefined) as VersionedDefinition[];
  const newest = definitions.reduce<VersionedDefinition | undefined>(
    (best, candidate) => (!best || candidate.version > best.version ? candidate : best),
    undefined,
  );
  if (!newest) throw new NotFoundError(`The form "${slug}" has no versions to export.`);
  const locale = request.locale ?? newest.definition.defaultLocale;
  const offered = [...new Set(definitions.flatMap(({ definition }) => definition.locales))];
  if (!offered.includes(locale))
    throw new ValidationError([{ field: 'locale', message: `must be one of ${offered.join(', ')}` }]);
  const columns = exportColumns(definitions, { locale, timeZone: deps.timeZone });
  return { columns, locale, versions: definitions.map(({ version }) => version) };
}

/** Each entry with its row, answers fetched a batch at a time; a row is absent when its submission is gone. */
async function* rowsOf(
  deps: ExportDeps,
  columns: readonly Column[],
  refs: AsyncIterable<EntryRef> | Iterable<EntryRef>,
): AsyncGenerator<{ sortKey: string; cells?: Cell[] }> {
  let batch: EntryRef[] = [];
  const flush = async function* () {
    const answers = await deps.source.answers(batch.map((ref) => ref.submissionId));
    for (const ref of batch) {
      const data = answers.get(ref.submissionId);
      yield { sortKey: ref.sortKey, ...(data ? { cells: toRow(columns, toRecord(ref, data)) } : {}) };
    }
    batch = [];
  };
  for await (const ref of refs) {
    batch.push(ref);
    if (batch.length >= ANSWERS_BATCH) yield* flush();
  }
  if (batch.length > 0) yield* flush();
}

function toRecord(ref: EntryRef, data: Record<string, unknown>): ExportRecord {
  const { sortKey: _sortKey, ...entry } = ref;
  return { ...entry, data };
}

/** The audit entry of an export: who, which form, the filter and the row count; no personal data. */
async function record(
  deps: ExportDeps,
  caller: Caller,
  request: ExportRequest,
  plan: Plan,
  details: Record<string, unknown>,
): Promise<void> {
  const { slug, ...filter } = request.filter;
  await deps.audit.record({
    at: deps.now().toISOString(),
    actor: { sub: caller.sub, username: caller.username },
    action: 'submission.export',
    target: { type: 'form', id: slug },
    details: { ...details, filter, locale: plan.locale },
  });
}

/** Collects a file in memory and tells how large it has grown. */
function collector() {
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      size += chunk.byteLength;
      done();
    },
  });
  return { stream, size: () => size, buffer: () => Buffer.concat(chunks) };
}
