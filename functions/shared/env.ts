import * as z from 'zod';

/** Environment variables shared by several functions, validated at cold start with parseConfig. */
export const tableName = { TABLE_NAME: z.string().min(1, 'is required') };
export const systemCheckStateMachine = {
  SYSTEM_CHECK_STATE_MACHINE_ARN: z.string().startsWith('arn:', 'must be a state machine ARN'),
};
export const mail = {
  MAIL_FROM: z.email('must be the verified sender address'),
  ORGANISATION_NAME: z.string().min(1).default('Lotse'),
  PUBLIC_BASE_URL: z.url('must be the public address of the web app').default('http://127.0.0.1:3000'),
};
