import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One structured JSON logger per function, created at cold start. Log ids and outcomes only:
 * personal data (names, e-mail addresses, answers) never goes into a log line.
 */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'lotse',
  logLevel: (process.env.LOG_LEVEL as 'INFO' | 'DEBUG' | 'WARN' | 'ERROR' | 'SILENT' | undefined) ?? 'INFO',
});
