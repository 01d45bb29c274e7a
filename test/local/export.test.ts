import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '#shared/adapters/dynamo.ts';
import { dynamoStaffStore } from '#shared/adapters/staff-store.ts';
import { type InboxEntry, type InboxStatus, inboxKeys } from '#shared/domain/inbox.ts';
import { receiptNumber } from '#shared/domain/submissions.ts';
import { runFormsCli } from '../../infra/cli/forms.ts';
import { parseCsv } from '../support/csv.ts';
import { startTestRuntime } from '../support/runtime.ts';

/**
 * Exports on the local runtime: the inbox entries are written in the shape of the inbox contract
 * (functions/shared/domain/inbox.ts), as the inbox projection writes them; the export reads them
 * through the indexes and the answers from the submissions.
 */
const FORM = 'integrationslotsen-registrierung';
const BULKY = 'beratung-anfrage';
let env: Awaited<ReturnType<typeof startTestRuntime>>;
let api: string;
let dir: string;
const table = () => process.env.TABLE_NAME as string;

const people = [
  {
    at: '2026-01-10T09:00:00.000Z',
    status: 'approved',
    locale: 'de',
    first: 'Jürgen',
    last: 'Müller-Lüdenscheidt',
    motivation: '=cmd|"/C calc"!A0',
    languages: [{ language: 'de', level: 'native' }],
  },
  {
    at: '2026-02-15T12:00:00.000Z',
    status: 'waiting',
    locale: 'ar',
    first: 'أحمد',
    last: 'حداد',
    motivation: 'أريد أن أساعد; "gern"',
    languages: [
      { language: 'ar', level: 'native' },
      { language: 'de', level: 'good' },
    ],
  },
  {
    at: '2026-03-20T08:30:00.000Z',
    status: 'approved',
    locale: 'en',
    first: 'Olena',
    last: 'Kovalenko',
    motivation: '@SUM(1+1)',
    languages: [{ language: 'uk', level: 'native' }],
  },
  {
    at: '2026-03-25T17:45:00.000Z',
    status: 'rejected',
    locale: 'de',
    first: 'Zoë',
    last: 'Weiß',
    motivation: '+49 ist meine Vorwahl',
    languages: [{ language: 'fr', level: 'fluent' }],
  },
] as const;
const ids = people.map(() => randomUUID());

beforeAll(async () => {
  process.env.EXPORT_MAX_FILE_BYTES = '20000';
  process.env.EXPORT_PAGE_ROWS = '3';
  env = await startTestRuntime();
  api = env.runtime.urls.api;
  dir = mkdtempSync(join(tmpdir(), 'lotse-export-'));
  const staff = dynamoStaffStore(documentClient(), table());
  const profile = (sub: string, forms: string[]) =>
    staff.put({ sub, username: sub, forms, updatedAt: new Date().toISOString(), updatedBy: 'test' });
  await profile('test-cora', [FORM]);
  await profile('test-dana', [BULKY]);
  await profile('test-vera', [FORM]);
  await Promise.all(
    people.map((person, index) =>
      store(FORM, ids[index] as string, person.at, person.status, person.locale, {
        firstName: person.first,
        lastName: person.last,
        email: `person${index}@example.org`,
        postalCode: '50667',
        languages: person.languages,
        availabilityDays: ['mon', 'sat'],
        motivation: person.motivation,
      }),
    ),
  );
  // A form with long answers that do not compress, for an export too large for one answer.
  await Promise.all(
    Array.from({ length: 30 }, (_, index) =>
      store(BULKY, randomUUID(), `2026-04-01T10:${String(index).padStart(2, '0')}:00.000Z`, 'open', 'de', {
        topics: ['housing'],
        message: randomBytes(1500).toString('base64').slice(0, 2000),
        age: 30,
        firstName: 'Anna',
        contactMethod: 'email',
        email: `anna${index}@example.org`,
      }),
    ),
  );
  env.runtime.auth.createUser('exporter', 'a long local password', ['admin']);
  env.runtime.auth.createUser('outsider', 'another long password', ['coordinator']);
});

afterAll(async () => {
  await env?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A submission and its inbox entry, as the submission pipeline and the inbox projection write them. */
async function store(
  slug: string,
  submissionId: string,
  receivedAt: string,
  status: InboxStatus,
  locale: string,
  data: Record<string, unknown>,
) {
  const client = documentClient();
  const entry: InboxEntry = {
    submissionId,
    receiptNumber: receiptNumber(submissionId),
    formSlug: slug,
    formVersion: 1,
    workflow: 'volunteer-onboarding',
    locale,
    receivedAt,
    status,
    step: 'decision',
    applicantName: String(data.firstName),
    applicantEmail: String(data.email),
    updatedAt: receivedAt,
    expiresAt: Math.floor(Date.parse(receivedAt) / 1000) + 365 * 86_400,
  };
  const sort = inboxKeys.sort(entry);
  // Not of type Submission, so the stream starts no workflow for these stored answers.
  await client.send(
    new PutCommand({
      TableName: table(),
      Item: {
        pk: `SUBMISSION#${submissionId}`,
        sk: 'SUBMISSION',
        type: 'StoredSubmission',
        submissionId,
        data,
      },
    }),
  );
  await client.send(
    new PutCommand({
      TableName: table(),
      Item: {
        ...inboxKeys.entry(submissionId),
        type: 'InboxEntry',
        ...entry,
        gsi2pk: inboxKeys.byForm(slug),
        gsi2sk: sort,
        gsi3pk: inboxKeys.byFormAndStatus(slug, status),
        gsi3sk: sort,
      },
    }),
  );
}

const as = (username: string, groups: ('admin' | 'coordinator' | 'viewer')[]) => ({
  authorization: `Bearer ${env.runtime.auth.issueFor(username, groups).AccessToken}`,
});
const download = (query: string, headers: Record<string, string> = as('cora', ['coordinator'])) =>
  fetch(`${api}/inbox/export?${query}`, { headers });

async function csvRows(query: string, delimiter = ';') {
  const response = await download(query);
  expect(response.status).toBe(200);
  const bytes = Buffer.from(await response.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return { response, bytes, rows: parseCsv(bytes.toString('utf8').slice(1), delimiter) };
}

const column = (rows: string[][], label: string) => {
  const index = rows[0]?.indexOf(label) ?? -1;
  expect(index, `column "${label}"`).toBeGreaterThanOrEqual(0);
  return rows.slice(1).map((row) => row[index]);
};

describe('export of a form to CSV and Excel', () => {
  it('writes a CSV for German Excel: BOM, semicolons, the form labels, newest first, formulas neutralised', async () => {
    const { response, bytes, rows } = await csvRows(`form=${FORM}&format=csv`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="${FORM}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
    );
    expect(bytes.toString('utf8')).toContain('\r\n');
    expect(rows[0]?.slice(0, 8)).toEqual([
      'Eingangsnummer',
      'Eingegangen am (UTC, ISO 8601)',
      'Eingegangen am',
      'Status',
      'Formularversion',
      'Sprache der Person',
      'Vorname',
      'Nachname',
    ]);
    expect(column(rows, 'Vorname')).toEqual(['Zoë', 'Olena', 'أحمد', 'Jürgen']);
    expect(column(rows, 'Nachname')).toEqual(['Weiß', 'Kovalenko', 'حداد', 'Müller-Lüdenscheidt']);
    expect(column(rows, 'Warum möchten Sie mitmachen?')).toEqual([
      "'+49 ist meine Vorwahl",
      "'@SUM(1+1)",
      'أريد أن أساعد; "gern"',
      `'=cmd|"/C calc"!A0`,
    ]);
    expect(column(rows, 'Welche Sprachen sprechen Sie? – Sprache')).toContain('Arabisch; Deutsch');
    expect(column(rows, 'Status')).toEqual([
      'Abgelehnt',
      'Angenommen',
      'Wartet auf Entscheidung',
      'Angenommen',
    ]);
    expect(column(rows, 'Eingegangen am')).toEqual([
      '25.03.2026 18:45',
      '20.03.2026 09:30',
      '15.02.2026 13:00',
      '10.01.2026 10:00',
    ]);
    expect(column(rows, 'Sprache der Person')[1]).toBe('Englisch (en)');
    for (const cell of rows.flat()) expect(['=', '+', '-', '@', '\t', '\r']).not.toContain(cell.charAt(0));
  });

  it('labels in English with commas when asked for English', async () => {
    const { rows } = await csvRows(`form=${FORM}&format=csv&locale=en`, ',');
    expect(rows[0]?.slice(6, 9)).toEqual(['First name', 'Last name', 'Email address']);
    expect(column(rows, 'Status')[0]).toBe('Rejected');
    expect(column(rows, 'Which languages do you speak? – Language')).toContain('Arabic; German');
  });

  it('writes an Excel file with the same content, a bold frozen header, dates as dates and no formulas', async () => {
    const response = await download(`form=${FORM}&format=xlsx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('Export') as ExcelJS.Worksheet;
    expect(sheet.rowCount).toBe(5);
    const header = sheet.getRow(1).values as unknown[];
    expect(header.slice(1, 4)).toEqual([
      'Eingangsnummer',
      'Eingegangen am (UTC, ISO 8601)',
      'Eingegangen am',
    ]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const motivation = header.indexOf('Warum möchten Sie mitmachen?');
    const texts = [2, 3, 4, 5].map((n) => sheet.getRow(n).getCell(motivation).value);
    expect(texts).toEqual([
      "'+49 ist meine Vorwahl",
      "'@SUM(1+1)",
      'أريد أن أساعد; "gern"',
      `'=cmd|"/C calc"!A0`,
    ]);
    expect(sheet.getRow(2).getCell(3).value).toEqual(new Date('2026-03-25T18:45:00.000Z'));
    expect(sheet.getRow(2).getCell(5).value).toBe(1);
    sheet.eachRow((row) => {
      row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
    });
  });

  it('filters by status and by a date range (the end date counts whole)', async () => {
    const approved = await csvRows(`form=${FORM}&format=csv&status=approved`);
    expect(column(approved.rows, 'Vorname')).toEqual(['Olena', 'Jürgen']);
    const range = await csvRows(`form=${FORM}&format=csv&from=2026-02-01&to=2026-03-20`);
    expect(column(range.rows, 'Vorname')).toEqual(['Olena', 'أحمد']);
    const none = await csvRows(`form=${FORM}&format=csv&status=expired`);
    expect(none.rows).toHaveLength(1);
  });

  it('lets staff export only the forms they may see; bad input names the field', async () => {
    expect((await fetch(`${api}/inbox/export?form=${FORM}&format=csv`)).status).toBe(401);
    const outsider = await download(`form=${FORM}&format=csv`, as('dana', ['coordinator']));
    expect(outsider.status).toBe(403);
    expect(((await outsider.json()) as { error: { message: string } }).error.message).toContain(FORM);
    expect((await download(`form=${FORM}&format=csv`, as('vera', ['viewer']))).status).toBe(200);
    expect((await download(`form=${FORM}&format=csv`, as('root', ['admin']))).status).toBe(200);
    for (const [query, field] of [
      [`form=${FORM}&format=pdf`, 'format'],
      [`form=${FORM}&format=csv&status=done`, 'status'],
      [`form=${FORM}&format=csv&from=yesterday`, 'from'],
      [`form=${FORM}&format=csv&from=2026-03-01&to=2026-02-01`, 'from'],
      [`form=${FORM}&format=csv&locale=fr`, 'locale'],
    ]) {
      const response = await download(query as string, as('root', ['admin']));
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: { issues: { field: string }[] } };
      expect(body.error.issues.map((issue) => issue.field)).toContain(field);
    }
    expect((await download('form=no-such-form&format=csv', as('root', ['admin']))).status).toBe(404);
  });

  it('records each export in the audit log with its filter and row count, without personal data', async () => {
    await csvRows(`form=${FORM}&format=csv&status=approved&from=2026-01-01`);
    const month = new Date().toISOString().slice(0, 7);
    const { Items = [] } = await documentClient().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `AUDIT#${month}` },
      }),
    );
    const entry = Items.filter(
      (item) => item.action === 'submission.export' && item.actor.sub === 'test-cora',
    ).find((item) => item.details.filter.status === 'approved' && item.details.filter.from === '2026-01-01');
    expect(entry).toMatchObject({
      actor: { sub: 'test-cora', username: 'cora' },
      target: { type: 'form', id: FORM },
      details: { format: 'csv', rows: 2, locale: 'de' },
    });
    const text = JSON.stringify(entry);
    for (const person of people) expect(text).not.toContain(person.last);
    expect(text).not.toContain('@example.org');
  });

  it('refuses a file too large for one answer, saying how to get it', async () => {
    for (const encoding of ['gzip', 'identity']) {
      const response = await download(`form=${BULKY}&format=csv`, {
        ...as('dana', ['coordinator']),
        'accept-encoding': encoding,
      });
      expect(response.status).toBe(413);
      const { error } = (await response.json()) as { error: { message: string } };
      expect(error.message).toContain(`npm run forms -- export ${BULKY}`);
    }
    const plain = await download(`form=${FORM}&format=csv`, {
      ...as('cora', ['coordinator']),
      'accept-encoding': 'identity',
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = Buffer.from(await plain.arrayBuffer()).toString('utf8');
    expect(text.charAt(0)).toBe('\uFEFF');
    expect(parseCsv(text.slice(1), ';')).toHaveLength(5);
  });

  it('gives any export page by page, with a cursor bound to its filter', async () => {
    const first = (await (await download(`form=${FORM}&format=json`)).json()) as {
      rows: unknown[][];
      total: number;
      cursor: string;
    };
    expect(first.total).toBe(4);
    expect(first.rows).toHaveLength(3);
    const second = (await (await download(`form=${FORM}&format=json&cursor=${first.cursor}`)).json()) as {
      rows: unknown[][];
      cursor?: string;
    };
    expect(second.rows).toHaveLength(1);
    expect(second.cursor).toBeUndefined();
    const mixed = await download(`form=${FORM}&format=json&status=approved&cursor=${first.cursor}`);
    expect(mixed.status).toBe(400);
  });
});

describe('export on the command line', () => {
  const cli = async (args: string[], user = 'exporter', password = 'a long local password') => {
    const lines: string[] = [];
    const code = await runFormsCli(
      [...args, '--user', user, '--api', api, '--client-id', env.runtime.auth.clientId],
      { ...process.env, LOTSE_PASSWORD: password },
      (line) => lines.push(line),
    );
    return { code, output: lines.join('\n') };
  };

  it('writes the same CSV as the API, fetched page by page, of any size', async () => {
    const file = join(dir, 'export.csv');
    const result = await cli(['export', FORM, '--format', 'csv', '--out', file]);
    expect(result).toMatchObject({ code: 0 });
    expect(result.output).toContain('4 row(s) written');
    const direct = Buffer.from(await (await download(`form=${FORM}&format=csv`)).arrayBuffer());
    expect(readFileSync(file)).toEqual(direct);
    const bulky = await cli(['export', BULKY, '--format', 'csv', '--out', join(dir, 'bulky.csv')]);
    expect(bulky.output).toContain('30 row(s) written');
  });

  it('writes Excel with the filter applied', async () => {
    const file = join(dir, 'approved.xlsx');
    const result = await cli([
      'export',
      FORM,
      '--format',
      'xlsx',
      '--out',
      file,
      '--status',
      'approved',
      '--locale',
      'en',
    ]);
    expect(result.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Export') as ExcelJS.Worksheet;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).getCell(7).value).toBe('First name');
    expect([sheet.getRow(2).getCell(7).value, sheet.getRow(3).getCell(7).value]).toEqual(['Olena', 'Jürgen']);
  });

  it('says what is wrong and leaves no file behind', async () => {
    expect((await cli(['export', FORM, '--out', join(dir, 'x.csv')])).code).toBe(2);
    const file = join(dir, 'refused.csv');
    const refused = await cli(
      ['export', FORM, '--format', 'csv', '--out', file],
      'outsider',
      'another long password',
    );
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('403');
    expect(() => readFileSync(file)).toThrow();
    expect(() => readFileSync(`${file}.part`)).toThrow();
  });
});
