import { dynamoAuditLog } from '../adapters/audit-log.ts';
import { documentClient } from '../adapters/dynamo.ts';
import { dynamoFormStore } from '../adapters/form-store.ts';
import { dynamoStaffReader } from '../adapters/staff-store.ts';
import { parseConfig } from '../config.ts';
import { tableName } from '../env.ts';
import * as z from '../zod.ts';
import { dynamoExportSource } from './source.ts';

const timeZone = z._default(z.string(), 'Europe/Berlin').check(
  z.refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'must be an IANA time zone such as Europe/Berlin' },
  ),
);

/** Wires the export to DynamoDB, once per cold start. */
export function exportDeps() {
  const config = parseConfig({
    ...tableName,
    ORGANISATION_TIME_ZONE: timeZone,
    /** Largest file answered directly; API Gateway's 6 MB hold about 4.5 MB once base64-encoded. */
    EXPORT_MAX_FILE_BYTES: z._default(
      z.coerce.number().check(z.int(), z.minimum(1), z.maximum(4_500_000)),
      4_000_000,
    ),
    /** Rows per page of a paged export (each page also stays under 4 MB of JSON). */
    EXPORT_PAGE_ROWS: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(5_000)), 2_000),
  });
  const client = documentClient();
  return {
    source: dynamoExportSource(client, config.TABLE_NAME),
    forms: dynamoFormStore(client, config.TABLE_NAME),
    audit: dynamoAuditLog(client, config.TABLE_NAME),
    staff: dynamoStaffReader(client, config.TABLE_NAME),
    timeZone: config.ORGANISATION_TIME_ZONE,
    maxFileBytes: config.EXPORT_MAX_FILE_BYTES,
    pageBudget: { bytes: 4_000_000, rows: config.EXPORT_PAGE_ROWS },
    now: () => new Date(),
  };
}
