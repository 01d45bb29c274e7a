import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_AUDIT_RETENTION_DAYS } from '../adapters/audit-log.ts';
import type { MailBranding } from '../adapters/mailer.ts';
import { dynamoSettingsReader } from '../adapters/settings-store.ts';
import { defaultSettings, type StoredSettings } from '../domain/settings.ts';

/**
 * The organisation settings as mails need them, read from the table on each call (one GetItem) so
 * a change an admin saves is in the very next mail; until the first save, the environment's name.
 */
export function organisationSettings(client: DynamoDBDocumentClient, tableName: string, defaultName: string) {
  const store = dynamoSettingsReader(client, tableName);
  return async (): Promise<StoredSettings> =>
    (await store.get()) ?? defaultSettings(defaultName, DEFAULT_AUDIT_RETENTION_DAYS);
}

/** Sender name and Reply-To for the mailer, from the same settings. */
export const brandingFrom = (settings: () => Promise<StoredSettings>) => async (): Promise<MailBranding> => {
  const { senderName, replyTo } = await settings();
  return { senderName, ...(replyTo ? { replyTo } : {}) };
};
