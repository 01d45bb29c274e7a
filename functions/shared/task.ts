import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { logger } from './logger.ts';
import * as z from './zod.ts';

/**
 * Wraps a workflow task: parses the payload Step Functions sends (ids only) and logs the outcome.
 * Errors are rethrown with their name, which is what the state machine's Retry and Catch match on.
 */
export function taskHandler<S extends z.core.$ZodType, R>(
  schema: S,
  handle: (input: z.output<S>) => Promise<R>,
) {
  return middy<unknown, R, Error, Context>().handler(async (event, context) => {
    logger.resetKeys();
    logger.appendKeys({ requestId: context?.awsRequestId });
    const input = z.parse(schema, event);
    try {
      const result = await handle(input);
      logger.info('task done');
      return result;
    } catch (error) {
      logger.warn('task failed', { error: error instanceof Error ? error.name : String(error) });
      throw error;
    }
  });
}
