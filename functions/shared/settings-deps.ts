import { dynamoAuditLog } from './adapters/audit-log.ts';
import { documentClient } from './adapters/dynamo.ts';
import { dynamoSettingsStore } from './adapters/settings-store.ts';
import { dynamoStaffStore } from './adapters/staff-store.ts';
import { parseConfig } from './config.ts';
import { defaultSettings, type StoredSettings } from './domain/settings.ts';
import { auditRetention, organisation, tableName } from './env.ts';

/** Wires the organisation settings to DynamoDB, once per cold start; the environment gives the defaults. */
export function settingsDeps() {
  const config = parseConfig({ ...tableName, ...organisation, ...auditRetention });
  const client = documentClient();
  const store = dynamoSettingsStore(client, config.TABLE_NAME);
  const current = async (): Promise<StoredSettings> =>
    (await store.get()) ?? defaultSettings(config.ORGANISATION_NAME, config.AUDIT_RETENTION_DAYS);
  return {
    config,
    client,
    store,
    current,
    staff: dynamoStaffStore(client, config.TABLE_NAME),
    audit: dynamoAuditLog(client, config.TABLE_NAME, async () => (await current()).auditRetentionDays),
    now: () => new Date(),
  };
}
