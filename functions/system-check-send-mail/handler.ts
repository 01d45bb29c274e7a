import { documentClient } from '#shared/adapters/dynamo.ts';
import { sesClient, sesMailer } from '#shared/adapters/mailer.ts';
import { parseConfig } from '#shared/config.ts';
import { checkIdSchema } from '#shared/contracts/system-check.ts';
import { hashCode, newCode } from '#shared/domain/system-check.ts';
import { mail, tableName } from '#shared/env.ts';
import { brandingFrom, organisationSettings } from '#shared/mail/branding.ts';
import { systemCheckMail } from '#shared/mail/system-check-mail.ts';
import { systemCheckDeps } from '#shared/system-check-deps.ts';
import { taskHandler } from '#shared/task.ts';
import * as z from '#shared/zod.ts';

const deps = systemCheckDeps();
const config = parseConfig({ ...mail, ...tableName });
const settings = organisationSettings(documentClient(), config.TABLE_NAME, config.ORGANISATION_NAME);
const mailer = sesMailer(sesClient(), config.MAIL_FROM, brandingFrom(settings));

class CheckNotFound extends Error {
  override name = 'CheckNotFound';
}

/**
 * Parks the task token on the check, then sends the code. The token stays on the server: the
 * e-mail carries only the code, and confirming it is what answers the token.
 */
export const handler = taskHandler(
  z.object({ checkId: checkIdSchema, taskToken: z.string().check(z.minLength(1)) }),
  async (input) => {
    const check = await deps.store.get(input.checkId);
    if (!check) throw new CheckNotFound(`No check ${input.checkId}`);
    const code = newCode();
    await deps.store.park(check.checkId, input.taskToken, hashCode(code), deps.now().toISOString());
    await mailer.send(
      systemCheckMail({
        to: check.recipient,
        locale: check.locale,
        code,
        organisation: (await settings()).name,
        checkUrl: new URL(`/system-checks/${check.checkId}`, config.PUBLIC_BASE_URL).toString(),
      }),
    );
    return { checkId: check.checkId, status: 'waiting' };
  },
);
