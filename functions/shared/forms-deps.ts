import { documentClient } from './adapters/dynamo.ts';
import { dynamoFormStore } from './adapters/form-store.ts';
import { dynamoRateLimiter } from './adapters/rate-limiter.ts';
import { dynamoSubmissionStore } from './adapters/submission-store.ts';
import { dynamoSubmissionWriter } from './adapters/submission-writer.ts';
import { parseConfig } from './config.ts';
import { compileFormSchema } from './domain/form-schema-compiler.ts';
import { organisation, submissions, tableName } from './env.ts';

/** Wires the form and submission use cases to DynamoDB, once per cold start. */
export function formsDeps() {
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
    compile: compileFormSchema,
    now: () => new Date(),
  };
}
