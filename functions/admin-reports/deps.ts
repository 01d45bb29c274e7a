import { dynamoCourseReader } from '#shared/adapters/course-store.ts';
import { documentClient } from '#shared/adapters/dynamo.ts';
import { dynamoFormReader } from '#shared/adapters/form-store.ts';
import { dynamoReportSource } from '#shared/adapters/report-source.ts';
import { dynamoStaffReader } from '#shared/adapters/staff-store.ts';
import { parseConfig } from '#shared/config.ts';
import { tableName } from '#shared/env.ts';

/** Wires the funders' report to DynamoDB, once per cold start. */
export function reportDeps() {
  const config = parseConfig({ ...tableName });
  const client = documentClient();
  const courses = dynamoCourseReader(client, config.TABLE_NAME);
  return {
    source: dynamoReportSource(client, config.TABLE_NAME, courses),
    forms: dynamoFormReader(client, config.TABLE_NAME),
    staff: dynamoStaffReader(client, config.TABLE_NAME),
    now: () => new Date(),
  };
}

let wired: ReturnType<typeof reportDeps> | undefined;
/** Wired on first use, so the dispatcher that imports this module pays nothing until a report is asked for. */
export const reports = () => {
  wired ??= reportDeps();
  return wired;
};
