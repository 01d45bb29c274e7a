import { dynamoAuditLog } from './adapters/audit-log.ts';
import { documentClient } from './adapters/dynamo.ts';
import { dynamoSettingsReader, dynamoSettingsStore } from './adapters/settings-store.ts';
import { dynamoStaffReader } from './adapters/staff-store.ts';
import { parseConfig } from './config.ts';
import { defaultSettings, type StoredSettings } from './domain/settings.ts';
import { auditRetention, organisation, tableName } from './env.ts';

/**
 * Reads the organisation settings from DynamoDB, once per cold start; the environment gives the
 * defaults. The routes that only read use this, so their bundles hold no write to the table.
 */
export function settingsReadDeps() {
  const config = parseConfig({ ...tableName, ...organisation, ...auditRetention });
  const client = documentClient();
  const store = dynamoSettingsReader(client, config.TABLE_NAME);
  const current = async (): Promise<StoredSettings> =>
    (await store.get()) ?? defaultSettings(config.ORGANISATION_NAME, config.AUDIT_RETENTION_DAYS);
  return {
    config,
    client,
    store,
    current,
    staff: dynamoStaffReader(client, config.TABLE_NAME),
    now: () => new Date(),
  };
}

/** Also saves the settings and audits the change. */
export function settingsDeps() {
  const read = settingsReadDeps();
  return {
    ...read,
    store: dynamoSettingsStore(read.client, read.config.TABLE_NAME),
    audit: dynamoAuditLog(
      read.client,
      read.config.TABLE_NAME,
      async () => (await read.current()).auditRetentionDays,
    ),
  };
}
