import { Validations } from 'aws-cdk-lib';
import type { FunctionAccess } from '#definitions/functions.ts';
import type { LotseHttpApi } from '../constructs/http-api.ts';
import type { LotseFunction } from '../constructs/lotse-function.ts';
import { acknowledgeFindings, arnSegment, type PatternAcknowledgement } from '../nag.ts';

/**
 * Routes anyone may call, each with the reason. A route missing here fails cdk-nag (AwsSolutions-APIG4),
 * so adding a route forces the decision: authorizer, or an entry here.
 */
export const publicRoutes: Readonly<Record<string, string>> = {
  'GET /api/health': 'Health check for monitors and the system check page; reports component status only.',
  'GET /api/openapi.json': 'The API description is public documentation.',
  'POST /api/system-checks':
    'Anyone operating a deployment may start a system check; it only mails a code to the given address, and the stage is throttled.',
  'GET /api/system-checks/{checkId}': 'Readable by whoever holds the random check id, like an e-mailed link.',
  'POST /api/system-checks/{checkId}/confirm': 'Authorised by the code from the e-mail, not by an account.',
};

/** cdk-nag acknowledgements of the stateless stack that follow from the function definitions. */
export function acknowledgeStatelessFindings(
  functions: ReadonlyArray<{ readonly construct: LotseFunction; readonly access: FunctionAccess }>,
  api: LotseHttpApi,
): void {
  for (const { construct, access } of functions) {
    acknowledgeFindings(construct, ...functionAcknowledgements(access));
  }
  for (const [key, route] of api.routes) {
    const reason = publicRoutes[key];
    if (reason)
      Validations.of(route).acknowledge({ id: 'AwsSolutions-APIG4', reason: `Public by design: ${reason}` });
  }
}

function functionAcknowledgements(access: FunctionAccess): PatternAcknowledgement[] {
  const acknowledgements: PatternAcknowledgement[] = [
    {
      rule: 'AwsSolutions-IAM5',
      finding: /^Resource::\*$/,
      reason: `X-Ray tracing (PutTraceSegments, PutTelemetryRecords)${access.readMailAccount ? ' and SES GetAccount' : ''} support no resource-level permissions.`,
    },
  ];
  if (access.table) {
    acknowledgements.push({
      rule: 'AwsSolutions-IAM5',
      finding: /^Resource::.+\/index\/\*$/,
      reason:
        'table.grantReadData/grantReadWriteData: the indexes of the main table (and no other table) may be queried.',
    });
  }
  if (access.table === 'readWrite') {
    acknowledgements.push({
      rule: 'AwsSolutions-IAM5',
      finding: /^Action::kms:(ReEncrypt|GenerateDataKey)\*$/,
      reason:
        "table.grantReadWriteData: DynamoDB uses these on the caller's behalf to write items encrypted with the table's key, and only that key.",
    });
  }
  if (access.sendMail) {
    acknowledgements.push({
      rule: 'AwsSolutions-IAM5',
      finding: new RegExp(`^Resource::arn:${arnSegment}:ses:${arnSegment}:${arnSegment}:identity/\\*$`),
      reason:
        'ses:SendEmail only with the configured From address (ses:FromAddress condition); any identity, because in the SES sandbox SES also authorises against the verified recipient identity.',
    });
  }
  return acknowledgements;
}
