import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FormDefinition } from '../functions/shared/contracts/form-definition.ts';
import { type ExportRecord, exportColumns, toRow } from '../functions/shared/export/columns.ts';
import { writeCsv } from '../functions/shared/export/csv.ts';
import { writeXlsx } from '../functions/shared/export/xlsx.ts';

/**
 * Memory and time of the export writers: N rows of the registration form streamed into a file,
 * each format in its own process so that its peak RSS is its own. Equal peaks at different N show
 * that memory stays flat. `npx tsx bench/export.ts [rows...]` (default 10000 40000).
 */
const self = fileURLToPath(import.meta.url);

async function child(format: 'csv' | 'xlsx', count: number, file: string) {
  const definition = JSON.parse(
    readFileSync(new URL('../forms/integrationslotsen-registrierung.json', import.meta.url), 'utf8'),
  ) as FormDefinition;
  const columns = exportColumns([{ version: 1, definition }], { locale: 'de', timeZone: 'Europe/Berlin' });
  const baseline = process.memoryUsage().rss;
  async function* rows() {
    for (let i = 0; i < count; i++) {
      const record: ExportRecord = {
        submissionId: randomUUID(),
        receiptNumber: `L-${String(i).padStart(8, '0')}`,
        receivedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
        status: 'waiting',
        formVersion: 1,
        locale: i % 2 ? 'ar' : 'de',
        data: {
          firstName: i % 2 ? 'أحمد' : 'Jürgen',
          lastName: `Müller ${i}`,
          email: `person${i}@example.org`,
          postalCode: '50667',
          languages: [
            { language: 'ar', level: 'native' },
            { language: 'de', level: 'good' },
          ],
          availabilityDays: ['mon', 'wed', 'sat'],
          motivation: `Ich möchte helfen, weil … ${i} `.repeat(8),
        },
      };
      yield toRow(columns, record);
    }
  }
  const started = performance.now();
  const out = createWriteStream(file);
  if (format === 'csv')
    await writeCsv(
      columns.map((column) => column.label),
      rows(),
      out,
      { locale: 'de' },
    );
  else await writeXlsx(columns, rows(), out, { locale: 'de' });
  const ms = performance.now() - started;
  const peakMiB = (process.resourceUsage().maxRSS * 1024) / 2 ** 20;
  console.log(JSON.stringify({ ms, peakMiB, baselineMiB: baseline / 2 ** 20 }));
}

function main(counts: number[]) {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-export-bench-'));
  console.log('format  rows     time s   peak RSS MiB   RSS before MiB   file MiB');
  try {
    for (const format of ['csv', 'xlsx'] as const) {
      for (const count of counts) {
        const file = join(dir, `out.${format}`);
        const run = spawnSync(
          process.execPath,
          ['--import', 'tsx', self, '--child', format, String(count), file],
          {
            encoding: 'utf8',
          },
        );
        if (run.status !== 0) throw new Error(run.stderr);
        const { ms, peakMiB, baselineMiB } = JSON.parse(run.stdout.trim().split('\n').at(-1) as string);
        const size = statSync(file).size / 2 ** 20;
        console.log(
          `${format.padEnd(6)}  ${String(count).padEnd(7)}  ${(ms / 1000).toFixed(2).padStart(6)}   ${peakMiB.toFixed(0).padStart(12)}   ${baselineMiB.toFixed(0).padStart(14)}   ${size.toFixed(1).padStart(8)}`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
if (args[0] === '--child') await child(args[1] as 'csv' | 'xlsx', Number(args[2]), args[3] as string);
else main(args.length > 0 ? args.map(Number) : [10_000, 40_000]);
