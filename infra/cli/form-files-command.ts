import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { slugFromTitle } from '../../functions/shared/domain/form-import.ts';

type Call = (
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; body: Record<string, unknown> }>;
type Out = (line: string) => void;
type Values = Partial<Record<'locale' | 'slug' | 'title' | 'version' | 'out' | 'format', string | boolean>>;

/** What is wrong with `import`'s arguments, said before anyone is asked for a password. */
export function importUsageProblem(files: readonly string[], values: Values): string | undefined {
  if (files.length < 1 || files.length > 2)
    return 'import needs a JSON Schema file and optionally a UI schema file: npm run forms -- import schema.json [uischema.json] --locale de';
  if (typeof values.locale !== 'string')
    return 'import needs --locale, the language the two files are written in.';
  return undefined;
}

/** `export <slug> --format jsonforms --out DIR`: the form itself, not its submissions. */
export function formExportUsageProblem(files: readonly string[], values: Values): string | undefined {
  if (files.length !== 1)
    return 'export needs exactly one form: npm run forms -- export <slug> --format jsonforms --out DIR';
  if (typeof values.out !== 'string' || values.out === '') return 'export needs --out DIR.';
  if (values.version !== undefined && !/^[1-9][0-9]*$/.test(String(values.version)))
    return 'export needs --version to be a version number such as 3.';
  return undefined;
}

const readJson = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

const problemLines = (body: Record<string, unknown>): string[] => {
  const error = body.error as { message?: string; issues?: { field: string; message: string }[] } | undefined;
  return error?.issues?.length
    ? error.issues.map((issue) => `  ${issue.field}: ${issue.message}`)
    : [`  ${error?.message ?? ''}`.trimEnd()];
};

/** Creates a new form's draft from a JSON Forms schema (and UI schema) through the admin API. */
export async function importForm(
  call: Call,
  files: readonly string[],
  values: Values,
  out: Out,
): Promise<number> {
  const [schemaFile, uischemaFile] = files as [string, string | undefined];
  const schema = readJson(schemaFile);
  const title =
    (typeof values.title === 'string' ? values.title : undefined) ??
    (typeof schema.title === 'string' ? schema.title : undefined) ??
    (typeof values.slug === 'string' ? values.slug : 'Form');
  const slug = typeof values.slug === 'string' ? values.slug : slugFromTitle(title);
  const from = { kind: 'import', schema, ...(uischemaFile ? { uischema: readJson(uischemaFile) } : {}) };
  const created = await call('POST', '/admin/forms', { slug, locale: values.locale, title, from });
  if (created.status !== 201) {
    out(`${slug}: not imported (${created.status})`);
    for (const line of problemLines(created.body)) out(line);
    return 1;
  }
  const issues = (created.body.issues ?? []) as { field: string; message: string }[];
  out(`${slug}: imported as a draft (revision ${String(created.body.revision)})`);
  if (issues.length) {
    out(`${issues.length} problem(s) to solve before it can be published:`);
    for (const issue of issues) out(`  ${issue.field}: ${issue.message}`);
  }
  return 0;
}

/** Writes `<slug>.schema.json` and `<slug>.uischema.json` of a version (default: the published one). */
export async function exportForm(call: Call, slug: string, values: Values, out: Out): Promise<number> {
  let version = values.version === undefined ? undefined : Number(values.version);
  if (version === undefined) {
    const listed = await call('GET', `/admin/forms/${slug}/versions`);
    if (listed.status !== 200) {
      out(`${slug}: not found (${listed.status})`);
      return 1;
    }
    version = Number(listed.body.publishedVersion ?? listed.body.latestVersion);
  }
  const exported = await call('GET', `/admin/forms/${slug}/versions/${version}/export`);
  if (exported.status !== 200) {
    out(`${slug}: version ${version} not exported (${exported.status})`);
    return 1;
  }
  const dir = values.out as string;
  mkdirSync(dir, { recursive: true });
  for (const part of ['schema', 'uischema'] as const) {
    const file = join(dir, `${slug}.${part}.json`);
    writeFileSync(file, `${JSON.stringify(exported.body[part], null, 2)}\n`);
    out(`${slug}: version ${version} ${part} written to ${file}`);
  }
  return 0;
}
