import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import { type Cell, reviveCell } from '../../functions/shared/export/cells.ts';
import type { Column } from '../../functions/shared/export/columns.ts';
import { writeCsv } from '../../functions/shared/export/csv.ts';
import type { ExportPage } from '../../functions/shared/export/export.ts';
import { writeXlsx } from '../../functions/shared/export/xlsx.ts';

type Call = (method: string, path: string) => Promise<{ status: number; body: Record<string, unknown> }>;
type Out = (line: string) => void;

export interface CliExportRequest {
  readonly slug: string;
  readonly format: 'csv' | 'xlsx';
  readonly file: string;
  readonly filter: Readonly<Record<string, string>>;
}

type Values = Partial<Record<'format' | 'out' | 'status' | 'from' | 'to' | 'locale', string | boolean>>;

/** What is wrong with `export`'s arguments, said before anyone is asked for a password. */
export function exportUsageProblem(positionals: readonly string[], values: Values): string | undefined {
  if (positionals.length !== 1)
    return 'export needs exactly one form: npm run forms -- export <slug> --format csv --out FILE';
  if (values.format !== 'csv' && values.format !== 'xlsx')
    return 'export needs --format csv or --format xlsx (the submissions), or --format jsonforms (the form).';
  if (typeof values.out !== 'string' || values.out === '') return 'export needs --out FILE.';
  return undefined;
}

export function exportRequestOf(positionals: readonly string[], values: Values): CliExportRequest {
  const filter: Record<string, string> = {};
  for (const name of ['status', 'from', 'to', 'locale'] as const) {
    const value = values[name];
    if (typeof value === 'string') filter[name] = value;
  }
  return {
    slug: positionals[0] as string,
    format: values.format as 'csv' | 'xlsx',
    file: values.out as string,
    filter,
  };
}

/**
 * Fetches the export page by page (`format=json`, which has no size limit) and streams the rows
 * into the file with the same writers the API uses, so the file is the one the console would get.
 */
export async function exportToFile(call: Call, request: CliExportRequest, out: Out): Promise<number> {
  const fetchPage = async (cursor?: string): Promise<ExportPage> => {
    const query = new URLSearchParams({
      form: request.slug,
      format: 'json',
      ...request.filter,
      ...(cursor ? { cursor } : {}),
    });
    const { status, body } = await call('GET', `/inbox/export?${query}`);
    if (status !== 200) {
      const error = body.error as { message?: string } | undefined;
      throw new Error(`the API answered ${status}${error?.message ? `: ${error.message}` : ''}`);
    }
    return body as unknown as ExportPage;
  };
  const partial = `${request.file}.part`;
  let stream: WriteStream | undefined;
  try {
    const first = await fetchPage();
    out(`${request.slug}: exporting ${first.total ?? 0} submission(s) to ${request.file}`);
    async function* rows(): AsyncGenerator<Cell[]> {
      let page: ExportPage | undefined = first;
      while (page) {
        for (const row of page.rows) yield row.map(reviveCell);
        page = page.cursor ? await fetchPage(page.cursor) : undefined;
      }
    }
    stream = createWriteStream(partial);
    const columns = first.columns as Pick<Column, 'label' | 'kind'>[];
    const written =
      request.format === 'csv'
        ? await writeCsv(
            columns.map((column) => column.label),
            rows(),
            stream,
            first,
          )
        : await writeXlsx(columns, rows(), stream, first);
    renameSync(partial, request.file);
    out(`${request.slug}: ${written} row(s) written to ${request.file}`);
    return 0;
  } catch (error) {
    stream?.destroy();
    rmSync(partial, { force: true });
    out(`${request.slug}: export failed, ${(error as Error).message}`);
    return 1;
  }
}
