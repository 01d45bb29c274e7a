import { contextKeys, type LotseConfig } from '../../config.ts';
import { type CheckResult, fail, ok, warn } from './check-result.ts';

/** The sender must be one mail can come from; needs no AWS, so it runs first. */
export function checkSenderAddress(
  config: Pick<LotseConfig, 'mailFrom' | 'mailFromUndeliverable'>,
): CheckResult {
  if (config.mailFromUndeliverable === undefined)
    return ok(`Sender ${config.mailFrom} (${contextKeys.mailFrom})`);
  const what =
    config.mailFromUndeliverable === 'no sender is set'
      ? `Sender: no sender is set (${contextKeys.mailFrom}), so no mail could be sent.`
      : `Sender ${config.mailFrom} (${contextKeys.mailFrom}): ${config.mailFromUndeliverable}.`;
  return fail(
    what,
    "Give the address Lotse sends from, at your organisation's domain:",
    `npm run deploy -- -c ${contextKeys.mailFrom}=lotse@your-organisation.org`,
  );
}

/** The first admin's address: the deploy invites this person (first-admin.ts). */
export function checkFirstAdmin(config: Pick<LotseConfig, 'adminEmail'>): CheckResult {
  if (config.adminEmail) return ok(`First admin ${config.adminEmail} (${contextKeys.adminEmail})`);
  return warn(
    `First admin: no e-mail given (${contextKeys.adminEmail}).`,
    `Add -c ${contextKeys.adminEmail}=you@your-organisation.org: that person gets the digest of applications`,
    'that need attention, and the deploy invites them as the first admin.',
  );
}
