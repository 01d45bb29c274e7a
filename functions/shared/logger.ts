import { Logger } from '@aws-lambda-powertools/logger';

export const logLevels = ['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT'] as const;
export type LogLevel = (typeof logLevels)[number];

/**
 * The one default, on AWS (the stack sets it on every function, `-c lotse:logLevel` changes it) and
 * under `npm start`: warnings and errors only. INFO lines would be ingested by CloudWatch Logs at
 * $0.63 per GB for every request and workflow step; what an operator needs daily is in the metrics.
 */
export const defaultLogLevel: LogLevel = 'WARN';

const configured = (value: string | undefined): LogLevel =>
  (logLevels as readonly string[]).includes(value ?? '') ? (value as LogLevel) : defaultLogLevel;

/**
 * One structured JSON logger per function, created at cold start. Log ids and outcomes only:
 * personal data (names, e-mail addresses, answers) never goes into a log line.
 */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'lotse',
  logLevel: configured(process.env.LOG_LEVEL),
});
