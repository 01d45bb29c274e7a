import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Course } from '../../functions/shared/domain/course-model.ts';
import { startDynamoDbLocal } from '../../infra/local/dynamodb/dynamodb-local.ts';
import { ensureTable } from '../../infra/local/dynamodb/tables.ts';
import { freePort } from '../../infra/local/ports.ts';
import { repositoryRoot } from '../../infra/local/runtime.ts';

/** DynamoDB Local alone, in memory, with the main table: enough for a store's tests. */
export async function startCourseTable() {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-courses-'));
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  const dynamo = await startDynamoDbLocal({
    host: '127.0.0.1',
    port: await freePort(),
    cacheDir: join(repositoryRoot, '.lotse', 'cache'),
  });
  const raw = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'eu-central-1' });
  const tableName = 'lotse-main';
  await ensureTable(raw, tableName);
  const client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  return {
    client,
    tableName,
    async stop() {
      raw.destroy();
      await dynamo.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;

/** A stored course as `newCourse` makes one: open, revision 0, counters 0. */
export function sampleCourse(overrides: Partial<Course> = {}): Course {
  counter += 1;
  return {
    courseId: `course-${counter}-${Math.random().toString(36).slice(2, 8)}`,
    formSlug: 'integration-guides',
    title: { de: 'Vorbereitungskurs', en: 'Preparation course' },
    teachingLanguage: 'de',
    sessions: [
      { sessionId: 's1', date: '2030-03-02', start: '18:00', end: '21:00' },
      { sessionId: 's2', date: '2030-03-09', start: '18:00', end: '21:00' },
    ],
    capacity: 3,
    passPercent: 80,
    coordinator: 'coordinator@example.org',
    holdHours: 72,
    timeZone: 'Europe/Berlin',
    status: 'open',
    revision: 0,
    taken: 0,
    enrolled: 0,
    waiting: 0,
    certification: 'not-started',
    createdAt: '2030-01-01T10:00:00.000Z',
    updatedAt: '2030-01-01T10:00:00.000Z',
    createdBy: 'coordinator@example.org',
    ...overrides,
  };
}
