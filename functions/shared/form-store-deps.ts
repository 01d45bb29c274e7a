import { documentClient } from './adapters/dynamo.ts';
import { dynamoFormReader, dynamoFormStore } from './adapters/form-store.ts';
import { dynamoRateLimiter } from './adapters/rate-limiter.ts';
import { dynamoSubmissionReader, dynamoSubmissionStore } from './adapters/submission-store.ts';
import { dynamoSubmissionWriter } from './adapters/submission-writer.ts';
import { parseConfig } from './config.ts';
import { organisation, submissions, tableName } from './env.ts';

/**
 * Wires the form and submission stores to DynamoDB, once per cold start, without the answers'
 * schema compiler: handlers that only read forms and submissions do not bundle ajv (132 kB with
 * fast-uri and ajv-formats). It is a module of its own because esbuild keeps a CommonJS package
 * such as ajv once its module is imported, used or not.
 */
export function formStoreDeps() {
  const config = parseConfig({ ...tableName, ...submissions, ...organisation });
  const client = documentClient();
  const rateLimit = {
    limit: config.SUBMISSION_RATE_LIMIT,
    windowSeconds: config.SUBMISSION_RATE_WINDOW_SECONDS,
  };
  return {
    config,
    forms: dynamoFormStore(client, config.TABLE_NAME),
    submissions: dynamoSubmissionStore(client, config.TABLE_NAME),
    writer: dynamoSubmissionWriter(client, config.TABLE_NAME, rateLimit),
    rateLimiter: dynamoRateLimiter(client, config.TABLE_NAME, rateLimit),
    now: () => new Date(),
  };
}

/**
 * The forms and submissions read through their readers, for the routes that only read: their
 * bundles hold no write (test/infra/table-access.test.ts).
 */
export function formReadDeps() {
  const config = parseConfig({ ...tableName, ...organisation });
  const client = documentClient();
  return {
    config,
    forms: dynamoFormReader(client, config.TABLE_NAME),
    submissions: dynamoSubmissionReader(client, config.TABLE_NAME),
    now: () => new Date(),
  };
}
