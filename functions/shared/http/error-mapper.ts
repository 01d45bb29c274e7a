import { DomainError, ValidationError } from '../domain/errors.ts';
import { logger } from '../logger.ts';
import { type HttpResult, json } from './response.ts';

/**
 * The one place that maps errors to HTTP answers. Domain errors carry their status and a message
 * meant for people; everything else is logged with the correlation id and answered with a generic
 * 500 that reveals nothing of the internals.
 */
export function errorToResponse(error: unknown, correlationId: string): HttpResult {
  if (error instanceof DomainError) {
    if (error.status >= 500)
      logger.warn('dependency failed', { error: error.name, cause: String(error.cause) });
    const issues = error instanceof ValidationError ? { issues: error.issues } : {};
    return json(error.status, {
      error: { code: error.code, message: error.message, ...issues },
      correlationId,
    });
  }
  logger.error('unhandled error', error instanceof Error ? error : new Error(String(error)));
  return json(500, {
    error: {
      code: 'internal_error',
      message: `Something went wrong on our side. Please try again later; quote reference ${correlationId} if it persists.`,
    },
    correlationId,
  });
}
