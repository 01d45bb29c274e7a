import { ORIGIN_SECRET_ENV, PREVIOUS_ORIGIN_SECRET_ENV } from './definitions/origin-secret.ts';
import * as z from './zod.ts';

/** Environment variables shared by several functions, validated at cold start with parseConfig. */
export const tableName = { TABLE_NAME: z.string().check(z.minLength(1, 'is required')) };
export const systemCheckStateMachine = {
  SYSTEM_CHECK_STATE_MACHINE_ARN: z.string().check(z.startsWith('arn:', 'must be a state machine ARN')),
};
export const mail = {
  MAIL_FROM: z.email('must be the verified sender address'),
  ORGANISATION_NAME: z._default(z.string().check(z.minLength(1)), 'Lotse'),
  PUBLIC_BASE_URL: z._default(z.url('must be the public address of the web app'), 'http://127.0.0.1:3000'),
};

/** Who the organisation is and where its web app lives, for what names it and links back but sends no mail. */
export const site = { ORGANISATION_NAME: mail.ORGANISATION_NAME, PUBLIC_BASE_URL: mail.PUBLIC_BASE_URL };

export const submissions = {
  /** Submissions one client (IP address, hashed) may send per window; behind a shared NAT several people share one. */
  SUBMISSION_RATE_LIMIT: z._default(z.coerce.number().check(z.int(), z.minimum(1)), 20),
  SUBMISSION_RATE_WINDOW_SECONDS: z._default(z.coerce.number().check(z.int(), z.minimum(1)), 300),
};

export const organisation = { ORGANISATION_NAME: z._default(z.string().check(z.minLength(1)), 'Lotse') };

/** The Cognito user pool whose accounts admins manage (locally the stand-in's `local_pool`). */
export const userPool = { USER_POOL_ID: z.string().check(z.minLength(1, 'is required')) };

/** Days audit entries are kept until an admin sets it in the organisation settings. */
export const auditRetention = {
  AUDIT_RETENTION_DAYS: z._default(z.coerce.number().check(z.int(), z.minimum(30)), 730),
};

/**
 * The secret CloudFront adds to every API request (functions/shared/definitions/origin-secret.ts);
 * unset only where handlers are called directly (unit tests), which turns the check off.
 */
export const originSecret = {
  [ORIGIN_SECRET_ENV]: z.optional(
    z.string().check(z.minLength(16, 'must be at least 16 characters (see docs/deploy.md)')),
  ),
  /** A second secret accepted during a rotation; empty when there is none. */
  [PREVIOUS_ORIGIN_SECRET_ENV]: z.optional(z.string()),
};
