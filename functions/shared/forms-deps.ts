import { documentClient } from './adapters/dynamo.ts';
import { dynamoFormStore } from './adapters/form-store.ts';
import { dynamoRateLimiter } from './adapters/rate-limiter.ts';
import { dynamoSubmissionStore } from './adapters/submission-store.ts';
import { parseConfig } from './config.ts';
import { compileFormSchema } from './domain/form-validation.ts';
import { organisation, submissions, tableName } from './env.ts';

/** Wires the form and submission use cases to DynamoDB, once per cold start. */
export function formsDeps() {
  const config = parseConfig({ ...tableName, ...submissions, ...organisation });
  const client = documentClient();
  return {
    config,
    forms: dynamoFormStore(client, config.TABLE_NAME),
    submissions: dynamoSubmissionStore(client, config.TABLE_NAME),
    rateLimiter: dynamoRateLimiter(client, config.TABLE_NAME, {
      limit: config.SUBMISSION_RATE_LIMIT,
      windowSeconds: config.SUBMISSION_RATE_WINDOW_SECONDS,
    }),
    compile: compileFormSchema,
    now: () => new Date(),
  };
}
