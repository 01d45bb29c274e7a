import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import middy from '@middy/core';
import { sesClient, sesMailer } from '#shared/adapters/mailer.ts';
import { attentionDeps } from '#shared/attention-deps.ts';
import {
  type AttentionItem,
  type AttentionKind,
  type AttentionSummary,
  attentionKinds,
} from '#shared/domain/attention.ts';
import { logger } from '#shared/logger.ts';
import { attentionDigestMail } from '#shared/mail/attention-mail.ts';
import { brandingFrom, organisationSettings } from '#shared/mail/branding.ts';

const deps = attentionDeps();
const settings = organisationSettings(deps.client, deps.config.TABLE_NAME, deps.config.ORGANISATION_NAME);
const mailer = sesMailer(sesClient(), deps.config.MAIL_FROM, brandingFrom(settings));
// CloudWatch alarms watch this metric (infra/constructs/alarms.ts); locally it is a log line.
const metrics = new Metrics({ namespace: 'Lotse', serviceName: 'attention' });
const FRESH_PER_KIND = 20;

/**
 * Runs on a schedule: counts what needs attention, publishes the counts as metrics for the alarms,
 * and e-mails the organisation's admin once about what is new since the last digest (nothing new:
 * no mail, so a known case does not mail every quarter of an hour).
 */
export const handler = middy<unknown, { counts: Record<AttentionKind, number>; mailed: boolean }>().handler(
  async () => {
    const now = deps.now();
    const after = await deps.attention.lastDigest();
    const summaries = {} as Record<AttentionKind, AttentionSummary>;
    const fresh = {} as Record<AttentionKind, AttentionItem[]>;
    for (const kind of attentionKinds) {
      summaries[kind] = await deps.attention.summary(kind, now);
      fresh[kind] =
        summaries[kind].count === 0
          ? []
          : [
              ...(
                await deps.attention.list(kind, { now, limit: FRESH_PER_KIND, ...(after ? { after } : {}) })
              ).items,
            ];
    }
    const counts = Object.fromEntries(attentionKinds.map((k) => [k, summaries[k].count])) as Record<
      AttentionKind,
      number
    >;
    // One metric, the total over the kinds, read by one alarm (one alarm metric instead of one per
    // kind); the counts per kind ride along as properties of the same line, in the logs only.
    // Published only while something needs attention: CloudWatch bills a custom metric for the
    // hours it receives data, so an idle stage pays nothing for it. The alarm treats missing data
    // as fine.
    const total = attentionKinds.reduce((sum, kind) => sum + counts[kind], 0);
    if (total > 0) {
      metrics.addMetric('NeedsAttention', MetricUnit.Count, total);
      for (const kind of attentionKinds) metrics.addMetadata(kind, String(counts[kind]));
      metrics.publishStoredMetrics();
    }
    const anythingNew = attentionKinds.some((kind) => fresh[kind].length > 0);
    if (!anythingNew || !deps.config.ADMIN_EMAIL) return { counts, mailed: false };
    const sentAt = now.toISOString();
    if (!(await deps.attention.claimDigest(after, sentAt))) return { counts, mailed: false };
    try {
      await mailer.send(
        attentionDigestMail({
          to: deps.config.ADMIN_EMAIL,
          organisation: (await settings()).name,
          summaries,
          fresh,
          // The details need sign-in now (the public health answer says only up or down): the console.
          healthUrl: new URL('/console', deps.config.PUBLIC_BASE_URL).toString(),
        }),
      );
    } catch (error) {
      await deps.attention.releaseDigest(after, sentAt);
      throw error;
    }
    logger.info('attention digest sent', { counts });
    return { counts, mailed: true };
  },
);
