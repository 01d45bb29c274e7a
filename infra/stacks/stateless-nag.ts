import { Validations } from 'aws-cdk-lib';
import type { FunctionAccess, FunctionTrigger } from '#definitions/functions.ts';
import { type RouteDefinition, routes as routeDefinitions, routeKey } from '#definitions/routes.ts';
import { TABLE_WRITE_ACTIONS } from '../constructs/function-access.ts';
import type { LotseHttpApi } from '../constructs/http-api.ts';
import type { LotseFunction } from '../constructs/lotse-function.ts';
import { acknowledgeFindings, arnSegment, type PatternAcknowledgement } from '../nag.ts';

/**
 * Why each route without `auth` in functions/shared/definitions/routes.ts may be called by anyone. Whether a
 * route is public comes from its definition; a public route without a reason here (or a reason for
 * a route that is not public) fails synthesis, so adding a route forces the decision: `auth`, or a
 * reason here.
 */
export const publicRouteReasons: Readonly<Record<string, string>> = {
  'GET /api/health': 'Up or down for monitors and load balancers; says `{status}` and nothing more.',
  'GET /api/openapi.json': 'The API description is public documentation.',
  'GET /api/forms':
    'The list of published forms is what the home page and partners link to; titles, descriptions and languages only.',
  'GET /api/forms/{slug}': 'A published form is what its public page renders for anyone who fills it in.',
  'GET /api/forms/{slug}/versions/{version}/validator.js':
    'The validators of a published form version, compiled by the server so the public form page need not compile them; the same schema GET /api/forms/{slug} already serves.',
  'POST /api/forms/{slug}/submissions':
    'Submitting a published form without an account is the point of Lotse; the handler validates against the published version, checks consent and a honeypot and limits submissions per client, and the stage is throttled.',
  'GET /api/decisions/{token}':
    'Coordinators decide from their inbox without an account: the e-mailed action token (256 random bits, stored hashed, bound to one application and one coordinator, expiring) is the credential; reading changes nothing.',
  'POST /api/decisions/{token}':
    'Authorised by the single-use action token from the e-mail, only from the same origin (Origin and Sec-Fetch-Site checked); the Step Functions task token never leaves the server.',
  'GET /api/answers/{token}':
    "The applicant reads the coordinator's question through the e-mailed single-use token; reading changes nothing.",
  'POST /api/answers/{token}':
    'Authorised by the single-use token from the e-mail, only from the same origin.',
  'GET /api/settings':
    "The organisation's name, logo address, links, languages and colour that every public page shows; no Reply-To, no retention.",
  'GET /api/settings/logo': 'The organisation logo shown on public pages (checked PNG, JPEG or WebP).',
  'GET /api/offers/{token}':
    "A course offer from a volunteer's e-mail: the unguessable token is the credential (stored only as a hash); reading changes nothing.",
  'POST /api/offers/{token}':
    'Accepts or declines a course offer: token-protected, single use, same-origin only, expiring.',
  'GET /api/me/{token}':
    "A volunteer's own page (no account): the unguessable token from their e-mails is the credential.",
  'POST /api/me/{token}/cancel':
    'A volunteer gives their seat back from their own page: token-protected, same-origin only.',
  'GET /api/me/{token}/calendar.ics': "The volunteer's course dates: token-protected like their own page.",
  'GET /api/me/{token}/certificates/{number}/pdf':
    "A volunteer's own certificate: token-protected, and only certificates of that volunteer.",
  'GET /api/me/{token}/certificates/{number}/credential':
    "A volunteer's own signed credential: token-protected, and only certificates of that volunteer.",
  'GET /api/verify/{number}':
    'Anyone (an employer) checks a certificate by its unguessable number: valid/revoked/unknown, name, programme, date only.',
  'GET /api/credentials/jwks':
    'The public keys credentials are signed with: public by design, so anyone can verify.',
  'GET /api/credentials/issuer': 'The Open Badges issuer profile the credentials name: public by design.',
};

/** The routes anyone may call: those whose definition has no `auth`. */
export const publicRoutes = (routes: readonly RouteDefinition[] = routeDefinitions): RouteDefinition[] =>
  routes.filter((route) => route.auth === undefined);

/** Throws unless every public route has a reason and every reason belongs to a public route. */
export function checkPublicRouteReasons(
  routes: readonly RouteDefinition[] = routeDefinitions,
  reasons: Readonly<Record<string, string>> = publicRouteReasons,
): void {
  const publicKeys = new Set(publicRoutes(routes).map(routeKey));
  const problems = [
    ...[...publicKeys]
      .filter((key) => !reasons[key])
      .map(
        (key) =>
          `${key} has no \`auth\`: add \`auth\` to its definition, or say why it is public in publicRouteReasons`,
      ),
    ...Object.keys(reasons)
      .filter((key) => !publicKeys.has(key))
      .map(
        (key) => `publicRouteReasons names ${key}, which is not a route without \`auth\`: remove the entry`,
      ),
  ];
  if (problems.length > 0)
    throw new Error(`Public routes (infra/stacks/stateless-nag.ts):\n  - ${problems.join('\n  - ')}`);
}

/** cdk-nag acknowledgements of the stateless stack that follow from the function and route definitions. */
export function acknowledgeStatelessFindings(
  functions: ReadonlyArray<{
    readonly construct: LotseFunction;
    readonly access: FunctionAccess;
    readonly trigger?: FunctionTrigger | undefined;
  }>,
  api: LotseHttpApi,
): void {
  for (const { construct, access, trigger } of functions) {
    acknowledgeFindings(construct, ...functionAcknowledgements(access, trigger));
  }
  checkPublicRouteReasons();
  for (const definition of publicRoutes()) {
    const key = routeKey(definition);
    const route = api.routes.get(key);
    if (!route) throw new Error(`${api.node.path}: the API has no route ${key}`);
    Validations.of(route).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: `Public by design: ${publicRouteReasons[key]}`,
    });
  }
}

function functionAcknowledgements(
  access: FunctionAccess,
  trigger?: FunctionTrigger,
): PatternAcknowledgement[] {
  const withoutResources = [
    'X-Ray tracing (PutTraceSegments, PutTelemetryRecords)',
    ...(access.readMailAccount ? ['SES GetAccount'] : []),
    ...(trigger?.type === 'table-stream'
      ? ['DynamoDB ListStreams (granted with the stream event source)']
      : []),
  ];
  const acknowledgements: PatternAcknowledgement[] = [
    {
      rule: 'AwsSolutions-IAM5',
      finding: /^Resource::\*$/,
      reason: `${withoutResources.join(', ')}: no resource-level permissions exist for these.`,
    },
  ];
  if (access.table?.queryIndexes) {
    acknowledgements.push({
      rule: 'AwsSolutions-IAM5',
      finding: /^Resource::.+\/index\/\*$/,
      reason:
        'dynamodb:Query only, on the indexes of the main table (and no other table), for the functions whose code names an index (IndexName).',
    });
  }
  if (access.table?.actions.some((action) => TABLE_WRITE_ACTIONS.includes(action))) {
    acknowledgements.push({
      rule: 'AwsSolutions-IAM5',
      finding: /^Action::kms:(ReEncrypt|GenerateDataKey)\*$/,
      reason:
        "Only with a customer managed table key: DynamoDB uses these on the caller's behalf to write items encrypted with the table's key, and only that key.",
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
