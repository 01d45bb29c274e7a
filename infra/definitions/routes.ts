import type * as z from 'zod';
import {
  formDefinition,
  publishedForm,
  submissionReceipt,
  submissionRequest,
} from '../../functions/shared/contracts/form-definition.ts';
import { assigneeRequest, inboxSearchRequest, noteRequest } from '../../functions/shared/contracts/inbox.ts';
import { mailPreviewRequest } from '../../functions/shared/contracts/mail-preview.ts';
import {
  confirmSystemCheckRequest,
  createSystemCheckRequest,
  errorResponse,
  systemCheckView,
} from '../../functions/shared/contracts/system-check.ts';
import { inviteUserRequest, updateUserRequest, userView } from '../../functions/shared/contracts/users.ts';
import { decisionRequest } from '../../functions/shared/decision-request.ts';
import { settingsUpdate } from '../../functions/shared/domain/settings.ts';
import type { FunctionId } from './functions.ts';

/**
 * The HTTP API, in one place: API Gateway's routes (CDK), the local server's router and the
 * OpenAPI document are all built from this list.
 */
export interface RouteDefinition {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path with `{name}` parameters, as API Gateway writes it. Everything lives under /api. */
  readonly path: `/api/${string}`;
  readonly function: FunctionId;
  readonly summary: string;
  readonly tag: string;
  readonly requestBody?: z.ZodType;
  /**
   * Who may call it. Absent: public. Otherwise API Gateway's JWT authorizer (Cognito locally: the
   * local sign-in) checks the token, and the handler checks that the user is in one of `groups`.
   */
  readonly auth?: { readonly groups: readonly ('admin' | 'coordinator' | 'viewer')[] };
  /**
   * What the caller's form scope is checked against: `form` (a form named in the route or query;
   * outside the scope 403) or `submission` (an application's form; outside the scope 404, so ids do
   * not leak). Absent: no form scope (public routes, admin-only routes).
   */
  readonly scope?: 'form' | 'submission';
  readonly responses: Readonly<Record<number, { readonly description: string; readonly schema?: z.ZodType }>>;
}

const unauthorized = { description: 'No valid token (missing, expired, wrong issuer or client)' };
const forbidden = { description: 'Signed in, but not in a group this needs', schema: errorResponse };

const problems = {
  400: { description: 'The request is not valid; `issues` names each field', schema: errorResponse },
  500: { description: 'Unexpected error; the answer carries a reference', schema: errorResponse },
} as const;

export const routes: readonly RouteDefinition[] = [
  {
    method: 'GET',
    path: '/api/health',
    function: 'health',
    summary: 'Whether Lotse is up: `{status}` only; details are at /api/admin/health',
    tag: 'operations',
    responses: {
      200: { description: 'Every component is reachable' },
      503: { description: 'A component is not' },
    },
  },
  {
    method: 'GET',
    path: '/api/openapi.json',
    function: 'openapi',
    summary: 'This API, described as OpenAPI 3.1',
    tag: 'operations',
    responses: { 200: { description: 'The OpenAPI document' } },
  },
  {
    method: 'POST',
    path: '/api/system-checks',
    function: 'system-check-create',
    summary: 'Starts a system check: stores it, starts its workflow, which e-mails a code',
    tag: 'operations',
    requestBody: createSystemCheckRequest,
    auth: { groups: ['admin'] },
    responses: {
      401: unauthorized,
      403: forbidden,
      202: { description: 'Stored; the workflow is on its way', schema: systemCheckView },
      409: { description: 'The checkId is already used by another check', schema: errorResponse },
      413: { description: 'The body is too large', schema: errorResponse },
      415: { description: 'The body is not JSON', schema: errorResponse },
      503: {
        description: 'The workflow could not be started; retry with the same checkId',
        schema: errorResponse,
      },
      ...problems,
    },
  },
  {
    method: 'GET',
    path: '/api/system-checks/{checkId}',
    function: 'system-check-get',
    summary: 'The status of a system check',
    tag: 'operations',
    auth: { groups: ['admin'] },
    responses: {
      401: unauthorized,
      403: forbidden,
      200: { description: 'The check', schema: systemCheckView },
      404: { description: 'No such check', schema: errorResponse },
      ...problems,
    },
  },
  {
    method: 'POST',
    path: '/api/system-checks/{checkId}/confirm',
    function: 'system-check-confirm',
    summary: 'Confirms a system check with the code from its e-mail; the workflow then finishes',
    tag: 'operations',
    requestBody: confirmSystemCheckRequest,
    auth: { groups: ['admin'] },
    responses: {
      401: unauthorized,
      403: forbidden,
      200: { description: 'Confirmed', schema: systemCheckView },
      404: { description: 'No such check', schema: errorResponse },
      409: { description: 'The check is not waiting for a code', schema: errorResponse },
      410: { description: 'The wait is over', schema: errorResponse },
      ...problems,
    },
  },
  {
    method: 'GET',
    path: '/api/forms',
    function: 'form-list',
    summary: 'The published forms with their titles',
    tag: 'forms',
    responses: { 200: { description: 'The published forms' }, 500: problems[500] },
  },
  {
    method: 'GET',
    path: '/api/forms/{slug}',
    function: 'form-get',
    summary:
      'The published version of a form in one language (?locale=, else Accept-Language); ETag, revalidate each use',
    tag: 'forms',
    responses: {
      200: { description: 'The form', schema: publishedForm },
      304: { description: 'Unchanged since the ETag sent in If-None-Match' },
      404: { description: 'No such form, or not published', schema: errorResponse },
      ...problems,
    },
  },
  {
    method: 'POST',
    path: '/api/forms/{slug}/submissions',
    function: 'submission-create',
    summary:
      'Submits answers; stored before the answer, the workflow starts afterwards. Idempotent by submissionId.',
    tag: 'forms',
    requestBody: submissionRequest,
    responses: {
      202: { description: 'Stored; the receipt', schema: submissionReceipt },
      404: { description: 'No such form, or not published', schema: errorResponse },
      409: {
        description:
          'The form or consent changed and the answers do not fit, or the id was used for other answers',
        schema: errorResponse,
      },
      413: { description: 'The body is too large', schema: errorResponse },
      429: { description: 'Too many submissions from this client; try again later', schema: errorResponse },
      ...problems,
    },
  },
  {
    method: 'POST',
    path: '/api/admin/forms/validate',
    function: 'admin-form-validate',
    summary: 'Checks a form definition without saving it',
    tag: 'admin',
    auth: { groups: ['admin'] },
    requestBody: formDefinition,
    responses: { 200: { description: '{valid, issues}' }, 401: unauthorized, 403: forbidden, ...problems },
  },
  {
    method: 'POST',
    path: '/api/admin/forms/{slug}/versions',
    function: 'admin-form-save',
    summary: 'Saves a definition as a new immutable draft version',
    tag: 'admin',
    auth: { groups: ['admin'] },
    requestBody: formDefinition,
    responses: { 201: { description: 'Saved as a draft' }, 401: unauthorized, 403: forbidden, ...problems },
  },
  {
    method: 'GET',
    path: '/api/admin/forms/{slug}/versions',
    function: 'admin-form-versions',
    summary: 'The versions of a form and which one is published',
    tag: 'admin',
    auth: { groups: ['admin'] },
    responses: {
      200: { description: 'The versions' },
      401: unauthorized,
      403: forbidden,
      404: { description: 'No such form', schema: errorResponse },
      ...problems,
    },
  },
  {
    method: 'GET',
    path: '/api/admin/forms/{slug}/versions/{version}',
    function: 'admin-form-version-get',
    summary: 'One version with its whole definition',
    tag: 'admin',
    auth: { groups: ['admin'] },
    responses: {
      200: { description: 'The version' },
      401: unauthorized,
      403: forbidden,
      404: { description: 'No such version', schema: errorResponse },
      ...problems,
    },
  },
  {
    method: 'POST',
    path: '/api/admin/forms/{slug}/versions/{version}/publish',
    function: 'admin-form-publish',
    summary: 'Publishes a version; live from the next request on',
    tag: 'admin',
    auth: { groups: ['admin'] },
    responses: {
      200: { description: 'Published' },
      401: unauthorized,
      403: forbidden,
      404: { description: 'No such version', schema: errorResponse },
      ...problems,
    },
  },
  {
    method: 'POST',
    path: '/api/admin/forms/{slug}/rollback',
    function: 'admin-form-rollback',
    summary: 'Publishes an earlier version again (default: the one before the current)',
    tag: 'admin',
    auth: { groups: ['admin'] },
    responses: {
      200: { description: 'Rolled back' },
      401: unauthorized,
      403: forbidden,
      404: { description: 'Nothing to roll back', schema: errorResponse },
      ...problems,
    },
  },
  {
    method: 'GET',
    path: '/api/decisions/{token}',
    function: 'decision-get',
    summary:
      "What a coordinator's decision link is about: the application in full and what happened to it. Changes nothing.",
    tag: 'approvals',
    responses: {
      200: { description: 'The application and its state' },
      404: { description: 'Unknown or altered link', schema: errorResponse },
      410: { description: 'Expired link', schema: errorResponse },
      ...problems,
    },
  },
  {
    method: 'POST',
    path: '/api/decisions/{token}',
    function: 'decision-post',
    summary:
      'Decides (approve, reject, ask a question); same-origin only, the link is used up, the first decision wins',
    tag: 'approvals',
    responses: {
      200: { description: 'Decided' },
      403: { description: 'Not sent from the decision page (cross-site)', schema: errorResponse },
      404: { description: 'Unknown or altered link', schema: errorResponse },
      409: { description: 'Already decided (by whom, when)', schema: errorResponse },
      410: { description: 'Expired link or approval', schema: errorResponse },
      ...problems,
    },
  },
  {
    method: 'GET',
    path: '/api/answers/{token}',
    function: 'answer-get',
    summary: "The coordinator's question to the applicant. Changes nothing.",
    tag: 'approvals',
    responses: {
      200: { description: 'The question' },
      404: { description: 'Unknown link', schema: errorResponse },
      410: { description: 'Expired link', schema: errorResponse },
      ...problems,
    },
  },
  {
    method: 'POST',
    path: '/api/answers/{token}',
    function: 'answer-post',
    summary: "The applicant's answer; same-origin only, single use",
    tag: 'approvals',
    responses: {
      200: { description: 'Answered' },
      403: { description: 'Cross-site', schema: errorResponse },
      409: { description: 'Answered already', schema: errorResponse },
      ...problems,
    },
  },
  {
    method: 'GET',
    path: '/api/admin/submissions/{submissionId}/timeline',
    function: 'admin-submission-timeline',
    scope: 'submission',
    summary: 'Every step of an application with who and when',
    tag: 'admin',
    auth: { groups: ['admin', 'coordinator'] },
    responses: {
      200: { description: 'The timeline' },
      401: unauthorized,
      403: forbidden,
      404: { description: 'No such submission', schema: errorResponse },
      ...problems,
    },
  },
  {
    method: 'POST',
    path: '/api/admin/submissions/{submissionId}/restart',
    function: 'admin-submission-restart',
    scope: 'submission',
    summary: 'Restarts an application whose workflow failed, timed out or expired',
    tag: 'admin',
    auth: { groups: ['admin'] },
    responses: {
      202: { description: 'Restarted' },
      401: unauthorized,
      403: forbidden,
      409: { description: 'Neither failed nor expired', schema: errorResponse },
      ...problems,
    },
  },
  {
    method: 'GET',
    path: '/api/admin/attention',
    function: 'admin-attention-list',
    summary:
      'Submissions that need attention (?kind=workflow-failed|workflow-not-started|mail-refused), oldest first, with a cursor',
    tag: 'admin',
    auth: { groups: ['admin'] },
    responses: {
      200: { description: 'One page of cases' },
      401: unauthorized,
      403: forbidden,
      ...problems,
    },
  },
  {
    method: 'GET',
    path: '/api/admin/cases/{submissionId}',
    function: 'admin-case-get',
    scope: 'submission',
    summary: 'A counselling case with all answers',
    tag: 'admin',
    auth: { groups: ['admin', 'coordinator'] },
    responses: {
      200: { description: 'The case' },
      401: unauthorized,
      403: forbidden,
      404: { description: 'No such case', schema: errorResponse },
      ...problems,
    },
  },
  {
    method: 'POST',
    path: '/api/admin/cases/{submissionId}/pickup',
    function: 'admin-case-pickup',
    scope: 'submission',
    summary: 'Picks a counselling case up; the first one wins',
    tag: 'admin',
    auth: { groups: ['admin', 'coordinator'] },
    responses: {
      200: { description: 'Picked up' },
      401: unauthorized,
      403: forbidden,
      409: { description: 'Picked up already', schema: errorResponse },
      ...problems,
    },
  },
  {
    method: 'GET',
    path: '/api/inbox',
    function: 'inbox-list',
    summary:
      'One page of applications, newest first: ?form= (else every form in scope), status, step, from, to, assigned=me, cursor, limit',
    tag: 'inbox',
    auth: { groups: ['admin', 'coordinator', 'viewer'] },
    scope: 'form',
    responses: {
      200: { description: '{items, cursor?}; rows carry no e-mail address' },
      401: unauthorized,
      403: forbidden,
      ...problems,
    },
  },
  {
    method: 'POST',
    path: '/api/inbox/search',
    function: 'inbox-search',
    summary: 'Finds applications by name or e-mail ({q, form?, cursor?}); a POST so the term is in no URL',
    tag: 'inbox',
    auth: { groups: ['admin', 'coordinator', 'viewer'] },
    scope: 'form',
    requestBody: inboxSearchRequest,
    responses: {
      200: { description: '{items, cursor?, truncated?}' },
      401: unauthorized,
      403: forbidden,
      ...problems,
    },
  },
  {
    method: 'GET',
    path: '/api/inbox/counts',
    function: 'inbox-counts',
    summary: 'Applications per status, per form (?form=, else every form in scope) and in total',
    tag: 'inbox',
    auth: { groups: ['admin', 'coordinator', 'viewer'] },
    scope: 'form',
    responses: { 200: { description: '{total, forms}' }, 401: unauthorized, 403: forbidden, ...problems },
  },
  {
    method: 'GET',
    path: '/api/submissions/{submissionId}',
    function: 'submission-get',
    summary:
      'An application in full: answers, its exact form version, locale, consent, approval or case, assignee, notes, timeline',
    tag: 'inbox',
    auth: { groups: ['admin', 'coordinator', 'viewer'] },
    scope: 'submission',
    responses: {
      200: { description: 'The application' },
      401: unauthorized,
      403: forbidden,
      404: { description: 'No such application, or not one the caller may see', schema: errorResponse },
      ...problems,
    },
  },
  {
    method: 'POST',
    path: '/api/submissions/{submissionId}/decision',
    function: 'submission-decide',
    summary: 'Decides from the console: the same decision as the e-mail link; the first one wins',
    tag: 'inbox',
    auth: { groups: ['admin', 'coordinator'] },
    scope: 'submission',
    requestBody: decisionRequest,
    responses: {
      200: { description: 'Decided' },
      401: unauthorized,
      403: forbidden,
      404: { description: 'No such application, or not one the caller may see', schema: errorResponse },
      409: { description: 'Already decided (by whom, when), or nothing to decide', schema: errorResponse },
      410: { description: 'The time for this decision is over', schema: errorResponse },
      ...problems,
    },
  },
  {
    method: 'POST',
    path: '/api/submissions/{submissionId}/notes',
    function: 'submission-note',
    summary: 'Adds an internal note (staff only, in the timeline)',
    tag: 'inbox',
    auth: { groups: ['admin', 'coordinator'] },
    scope: 'submission',
    requestBody: noteRequest,
    responses: {
      201: { description: 'The note' },
      401: unauthorized,
      403: forbidden,
      404: { description: 'No such application, or not one the caller may see', schema: errorResponse },
      ...problems,
    },
  },
  {
    method: 'PUT',
    path: '/api/submissions/{submissionId}/assignee',
    function: 'submission-assign',
    summary: 'Assigns the application to a staff member of its form ({sub}), or clears it ({sub: null})',
    tag: 'inbox',
    auth: { groups: ['admin', 'coordinator'] },
    scope: 'submission',
    requestBody: assigneeRequest,
    responses: {
      200: { description: 'Assigned' },
      401: unauthorized,
      403: forbidden,
      404: { description: 'No such application, or not one the caller may see', schema: errorResponse },
      409: { description: 'Not in the inbox yet', schema: errorResponse },
      ...problems,
    },
  },
  {
    method: 'POST',
    path: '/api/submissions/{submissionId}/pickup',
    function: 'submission-pickup',
    summary: 'Picks a counselling request up from the inbox; the first one wins',
    tag: 'inbox',
    auth: { groups: ['admin', 'coordinator'] },
    scope: 'submission',
    responses: {
      200: { description: 'Picked up' },
      401: unauthorized,
      403: forbidden,
      404: { description: 'No such application, or not one the caller may see', schema: errorResponse },
      409: { description: 'Picked up already, or not a counselling request', schema: errorResponse },
      ...problems,
    },
  },
  {
    method: 'GET',
    path: '/api/admin/users',
    function: 'admin-user-list',
    summary: 'Every staff account with role, forms, counselling teams and status (invited, active, disabled)',
    tag: 'users',
    auth: { groups: ['admin'] },
    responses: { 200: { description: '{users}' }, 401: unauthorized, 403: forbidden, ...problems },
  },
  {
    method: 'POST',
    path: '/api/admin/users',
    function: 'admin-user-invite',
    summary: 'Invites a person by e-mail (an invitation mail with a link that sets the password)',
    tag: 'users',
    auth: { groups: ['admin'] },
    requestBody: inviteUserRequest,
    responses: {
      201: { description: 'Invited', schema: userView },
      401: unauthorized,
      403: forbidden,
      409: { description: 'There is an account with this e-mail address', schema: errorResponse },
      ...problems,
    },
  },
  {
    method: 'PATCH',
    path: '/api/admin/users/{userId}',
    function: 'admin-user-update',
    summary: 'Changes role, forms, teams or enabled; disabling signs the person out everywhere at once',
    tag: 'users',
    auth: { groups: ['admin'] },
    requestBody: updateUserRequest,
    responses: {
      200: { description: 'Changed', schema: userView },
      401: unauthorized,
      403: forbidden,
      404: { description: 'No such user', schema: errorResponse },
      409: {
        description: 'Would demote or disable yourself, or leave no enabled admin',
        schema: errorResponse,
      },
      ...problems,
    },
  },
  {
    method: 'POST',
    path: '/api/admin/users/{userId}/invitation',
    function: 'admin-user-resend-invitation',
    summary: 'Sends the invitation again with a new link; the previous link stops working',
    tag: 'users',
    auth: { groups: ['admin'] },
    responses: {
      202: { description: 'Sent', schema: userView },
      401: unauthorized,
      403: forbidden,
      404: { description: 'No such user', schema: errorResponse },
      409: { description: 'The person has set a password already, or is disabled', schema: errorResponse },
      ...problems,
    },
  },
  {
    method: 'GET',
    path: '/api/admin/health',
    function: 'admin-health',
    summary: 'Each component with its latency and detail, and what needs staff',
    tag: 'operations',
    auth: { groups: ['admin'] },
    responses: {
      200: { description: 'Every component is reachable' },
      401: unauthorized,
      403: forbidden,
      503: { description: 'A component is not' },
    },
  },
  {
    method: 'GET',
    path: '/api/settings',
    function: 'settings-get',
    summary:
      "The organisation's public settings (name, logo, links, languages, colour); ETag, revalidate each use",
    tag: 'settings',
    responses: {
      200: { description: 'The settings pages use' },
      304: { description: 'Unchanged since the ETag sent in If-None-Match' },
      500: problems[500],
    },
  },
  {
    method: 'GET',
    path: '/api/settings/logo',
    function: 'settings-logo-get',
    summary: "The organisation's logo; with ?v=<hash> (as /api/settings links it) cached for a year",
    tag: 'settings',
    responses: {
      200: { description: 'The image (PNG, JPEG or WebP)' },
      304: { description: 'Unchanged' },
      404: { description: 'No logo, or replaced since', schema: errorResponse },
      500: problems[500],
    },
  },
  {
    method: 'GET',
    path: '/api/admin/settings',
    function: 'admin-settings-get',
    summary: 'Every organisation setting with the version the next save must name',
    tag: 'settings',
    auth: { groups: ['admin'] },
    responses: { 200: { description: 'The settings' }, 401: unauthorized, 403: forbidden, ...problems },
  },
  {
    method: 'PUT',
    path: '/api/admin/settings',
    function: 'admin-settings-put',
    summary: 'Saves the organisation settings (with the version loaded); live from the next request on',
    tag: 'settings',
    auth: { groups: ['admin'] },
    requestBody: settingsUpdate,
    responses: {
      200: { description: 'Saved' },
      401: unauthorized,
      403: forbidden,
      409: { description: 'Saved by someone else since loaded', schema: errorResponse },
      413: { description: 'The body is too large', schema: errorResponse },
      ...problems,
    },
  },
  {
    method: 'GET',
    path: '/api/admin/audit',
    function: 'admin-audit-list',
    summary: 'The audit log, newest first (?from=&to=&actor=<sub>&action=&cursor=&limit=)',
    tag: 'settings',
    auth: { groups: ['admin'] },
    responses: {
      200: { description: 'One page of entries and a cursor' },
      401: unauthorized,
      403: forbidden,
      ...problems,
    },
  },
  {
    method: 'GET',
    path: '/api/inbox/export',
    function: 'inbox-export',
    summary:
      "Exports a form's submissions (?form=&format=csv|xlsx|json&status=&from=&to=&locale=), newest first: a file up to 4 MB, or pages of rows with a cursor (format=json)",
    tag: 'inbox',
    auth: { groups: ['admin', 'coordinator', 'viewer'] },
    scope: 'form',
    responses: {
      200: { description: 'The CSV or XLSX file (attachment), or one page of rows with a cursor' },
      401: unauthorized,
      403: { description: 'Not assigned to this form, or a disabled account', schema: errorResponse },
      404: { description: 'No such form', schema: errorResponse },
      413: {
        description: 'The file would exceed 4 MB: narrow the filter, or use pages (the command line does)',
        schema: errorResponse,
      },
      ...problems,
    },
  },
  {
    method: 'POST',
    path: '/api/admin/forms/preview-mail',
    function: 'admin-form-preview-mail',
    summary: "Renders a form's confirmation mail for sample values (nothing is sent)",
    tag: 'admin',
    auth: { groups: ['admin'] },
    requestBody: mailPreviewRequest,
    responses: {
      200: { description: '{subject, text, html}' },
      401: unauthorized,
      403: forbidden,
      ...problems,
    },
  },
];

export const routeKey = (route: RouteDefinition): string => `${route.method} ${route.path}`;
