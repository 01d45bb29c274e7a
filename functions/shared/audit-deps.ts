import { dynamoAuditLog } from './adapters/audit-log.ts';
import { documentClient } from './adapters/dynamo.ts';
import { parseConfig } from './config.ts';
import type { AuditLog } from './domain/audit.ts';
import type { Caller } from './domain/staff.ts';
import { organisation, tableName } from './env.ts';
import { organisationSettings } from './mail/branding.ts';

/**
 * The audit log for a staff route, once per cold start. Each entry is kept as long as the
 * organisation settings say at the time it is written.
 */
export function auditDeps(): {
  audit: AuditLog;
  actor: (caller: Caller) => { sub: string; username: string };
} {
  const config = parseConfig({ ...tableName, ...organisation });
  const client = documentClient();
  const settings = organisationSettings(client, config.TABLE_NAME, config.ORGANISATION_NAME);
  return {
    audit: dynamoAuditLog(client, config.TABLE_NAME, async () => (await settings()).auditRetentionDays),
    actor: (caller) => ({ sub: caller.sub, username: caller.username }),
  };
}
