import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoCourseStore } from '../../functions/shared/adapters/course-store.ts';
import { documentClient } from '../../functions/shared/adapters/dynamo.ts';
import { counsellingRequest } from '../support/counselling-request.ts';
import { eventually } from '../support/poll.ts';
import { startTestRuntime } from '../support/runtime.ts';
import { assignStaff } from '../support/staff.ts';

/**
 * Every route the API documents, checked from its OpenAPI document, so a route added later is
 * checked without anybody remembering to: public ones must be on the list below, the others refuse
 * anonymous callers (401), roles they do not name (403), disabled accounts (403), and, where they
 * are about one form or submission, staff of other forms (403 / 404).
 */
const PUBLIC_ROUTES = [
  'GET /api/health',
  'GET /api/openapi.json',
  'GET /api/forms',
  'GET /api/forms/{slug}',
  'GET /api/forms/{slug}/versions/{version}/validator.js',
  'POST /api/forms/{slug}/submissions',
  'GET /api/decisions/{token}',
  'POST /api/decisions/{token}',
  'GET /api/answers/{token}',
  'POST /api/answers/{token}',
  'GET /api/settings',
  'GET /api/settings/logo',
  'GET /api/offers/{token}',
  'POST /api/offers/{token}',
  'GET /api/me/{token}',
  'POST /api/me/{token}/cancel',
  'GET /api/me/{token}/calendar.ics',
  'GET /api/me/{token}/certificates/{number}/pdf',
  'GET /api/me/{token}/certificates/{number}/credential',
  'GET /api/verify/{number}',
  'GET /api/credentials/jwks',
  'GET /api/credentials/issuer',
];

/**
 * What a scoped route needs besides its path to get as far as the scope check: the form in the
 * query, and a valid body. A scoped route that takes a body must have one here (checked below), so
 * that its refusal is the scope's, not a 400 for an empty body.
 */
const SCOPED_QUERY: Record<string, string | (() => string)> = {
  'GET /api/inbox/export': 'format=csv',
  'GET /api/admin/certificates': () => `course=${course.courseId}`,
};
const SCOPED_BODIES: Record<string, unknown> = {
  'POST /api/inbox/search': { q: 'lina', form: 'beratung-anfrage' },
  'POST /api/submissions/{submissionId}/decision': { decision: 'approve' },
  'POST /api/submissions/{submissionId}/notes': { text: 'Rückruf vereinbart' },
  'PUT /api/submissions/{submissionId}/assignee': { sub: null },
  'POST /api/admin/courses': courseSample(),
  // A stale revision: the sample course stays as it is for the routes after this one.
  'PUT /api/admin/courses/{courseId}': { ...courseSample(), revision: 999 },
  'POST /api/admin/courses/{courseId}/cancel': { reason: 'Zugriffstest' },
  'POST /api/admin/courses/{courseId}/sessions/{sessionId}/cancel': { reason: 'Zugriffstest' },
  'POST /api/admin/courses/{courseId}/enrolments': {
    firstName: 'Lina',
    lastName: 'Test',
    email: 'lina@example.org',
    locale: 'de',
  },
  'POST /api/admin/courses/{courseId}/invitations': {},
  'PUT /api/admin/courses/{courseId}/waiting-list': { participantIds: [] },
  'PUT /api/admin/courses/{courseId}/sessions/{sessionId}/attendance/{participantId}': { present: true },
};

function courseSample() {
  return {
    formSlug: 'beratung-anfrage',
    title: { de: 'Zugriffstest' },
    teachingLanguage: 'de',
    sessions: [{ date: '2027-05-03', start: '10:00', end: '12:00' }],
    capacity: 3,
    coordinator: 'route-access@example.org',
  };
}

const ROLES = ['admin', 'coordinator', 'viewer'] as const;
type Role = (typeof ROLES)[number];

interface Operation {
  readonly key: string;
  readonly method: string;
  readonly path: string;
  readonly secured: boolean;
  readonly roles: readonly Role[];
  readonly scope?: 'form' | 'submission' | 'course';
  readonly hasBody: boolean;
}

let env: Awaited<ReturnType<typeof startTestRuntime>>;
let operations: Operation[];
/** A counselling request, so every submission route (timeline, case, pickup) has something real to refuse. */
let submissionId: string;
/** A course of FORM with one enrolled participant and a certificate, for the course-scoped routes. */
let course: { courseId: string; sessionId: string; participantId: string; number: string };
const FORM = 'beratung-anfrage';
const OTHER_FORM = 'integrationslotsen-registrierung';

beforeAll(async () => {
  env = await startTestRuntime();
  const document = (await (await fetch(`${env.runtime.urls.api}/openapi.json`)).json()) as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
  };
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      key: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path,
      secured: Array.isArray(operation.security) && operation.security.length > 0,
      roles: (operation['x-lotse-roles'] ?? []) as Role[],
      hasBody: operation.requestBody !== undefined,
      ...(operation['x-lotse-scope'] ? { scope: operation['x-lotse-scope'] as Operation['scope'] } : {}),
    })),
  );
  submissionId = await submitCounsellingRequest();
  course = await courseSampleData();
}, 120_000);
afterAll(async () => env?.stop());

async function submitCounsellingRequest(): Promise<string> {
  const id = randomUUID();
  const response = await fetch(`${env.runtime.urls.api}/forms/${FORM}/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.9.1.1' },
    body: JSON.stringify(counsellingRequest(id)),
  });
  expect(response.status, await response.clone().text()).toBe(202);
  const admin = env.runtime.auth.issueFor('route-admin', ['admin']).AccessToken;
  // The case exists once the workflow has routed it.
  await eventually(
    async () =>
      (
        await fetch(`${env.runtime.urls.api}/admin/cases/${id}`, {
          headers: { authorization: `Bearer ${admin}` },
        })
      ).status === 200 || undefined,
    { what: 'the counselling case' },
  );
  return id;
}

/** Through the API for the course, the store for what workflows would otherwise make. */
async function courseSampleData() {
  const admin = env.runtime.auth.issueFor('route-admin', ['admin']).AccessToken;
  const created = await fetch(`${env.runtime.urls.api}/admin/courses`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify(courseSample()),
  });
  expect(created.status, await created.clone().text()).toBe(201);
  const { courseId, sessions } = (await created.json()) as {
    courseId: string;
    sessions: { sessionId: string }[];
  };
  const store = dynamoCourseStore(documentClient(), env.runtime.env.TABLE_NAME as string);
  const participantId = `m-${randomUUID()}`;
  await store.enrolDirectly({ courseId, participantId, now: new Date() });
  const number = 'LOTSE-2027-ACCESSTEST';
  await store.putCertificate({
    number,
    participantId,
    courseId,
    formSlug: FORM,
    name: 'Lina Test',
    programme: 'Beratung',
    courseTitle: 'Zugriffstest',
    locale: 'de',
    firstSession: '2027-05-03',
    lastSession: '2027-05-03',
    hours: 2,
    issuedAt: new Date().toISOString(),
    credential: 'not-checked-here',
    status: 'valid',
  });
  return { courseId, sessionId: sessions[0]?.sessionId as string, participantId, number };
}

const PARAMETERS: Record<string, () => string> = {
  slug: () => FORM,
  submissionId: () => submissionId,
  version: () => '1',
  courseId: () => course.courseId,
  sessionId: () => course.sessionId,
  participantId: () => course.participantId,
  number: () => course.number,
};

const urlOf = (path: string) =>
  env.runtime.urls.web +
  path.replace(/\{([^}]+)\}/g, (_, name: string) => PARAMETERS[name]?.() ?? randomUUID());

const scopedQuery = (operation: Operation) => {
  const extra = SCOPED_QUERY[operation.key];
  return [`form=${FORM}`, typeof extra === 'function' ? extra() : extra].filter(Boolean).join('&');
};

/** `scoped`: with the form in the query and a valid body, so only the scope can refuse it. */
const send = (operation: Operation, token?: string, scoped = false) =>
  fetch(`${urlOf(operation.path)}${scoped ? `?${scopedQuery(operation)}` : ''}`, {
    method: operation.method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(operation.method === 'GET' ? {} : { 'content-type': 'application/json' }),
    },
    ...(operation.method === 'GET'
      ? {}
      : { body: JSON.stringify(scoped ? (SCOPED_BODIES[operation.key] ?? {}) : {}) }),
  });

const tokenFor = (name: string, role: Role) => env.runtime.auth.issueFor(name, [role]).AccessToken;

describe('route access, from the OpenAPI document', () => {
  it('lists every public route on the allow-list, and every allow-listed route exists', () => {
    const open = operations.filter((operation) => !operation.secured).map((operation) => operation.key);
    expect(open.sort()).toEqual([...PUBLIC_ROUTES].sort());
    expect(operations.filter((operation) => operation.secured).length).toBeGreaterThanOrEqual(15);
  });

  it('names the roles of every secured route', () => {
    for (const operation of operations.filter((candidate) => candidate.secured))
      expect(operation.roles.length, operation.key).toBeGreaterThan(0);
  });

  it('refuses anonymous callers (401), other roles (403) and disabled accounts (403) on every secured route', async () => {
    for (const role of ROLES)
      await assignStaff(env.runtime, `test-disabled-${role}`, ['*'], { disabled: true });
    const failures: string[] = [];
    const expectStatus = async (
      operation: Operation,
      who: string,
      token: string | undefined,
      status: number,
    ) => {
      const actual = (await send(operation, token)).status;
      if (actual !== status) failures.push(`${operation.key} as ${who}: ${actual}, expected ${status}`);
    };
    for (const operation of operations.filter((candidate) => candidate.secured)) {
      await expectStatus(operation, 'anonymous', undefined, 401);
      for (const role of ROLES.filter((candidate) => !operation.roles.includes(candidate)))
        await expectStatus(operation, role, tokenFor(`wrong-${role}`, role), 403);
      const allowed = operation.roles[0] as Role;
      await expectStatus(operation, `disabled ${allowed}`, tokenFor(`disabled-${allowed}`, allowed), 403);
    }
    expect(failures).toEqual([]);
  });

  it('refuses staff assigned to another form on every scoped route (403 for a form, 404 for a submission or course)', async () => {
    const scoped = operations.filter(
      (operation) => operation.scope && operation.roles.some((role) => role !== 'admin'),
    );
    expect(scoped.filter((operation) => operation.scope === 'submission').length).toBeGreaterThanOrEqual(3);
    expect(
      scoped.filter((operation) => operation.hasBody && !(operation.key in SCOPED_BODIES)).map((o) => o.key),
      'scoped routes with a body need a sample in SCOPED_BODIES',
    ).toEqual([]);
    const failures: string[] = [];
    for (const operation of scoped) {
      const role = operation.roles.find((candidate) => candidate !== 'admin') as Role;
      await assignStaff(env.runtime, `test-elsewhere-${role}`, [OTHER_FORM]);
      const refused = operation.scope === 'form' ? 403 : 404;
      const actual = (await send(operation, tokenFor(`elsewhere-${role}`, role), true)).status;
      if (actual !== refused)
        failures.push(`${operation.key} as ${role} of another form: ${actual}, expected ${refused}`);
    }
    expect(failures).toEqual([]);
    // The same people, assigned to the form, get past the scope check: the refusals above were the scope's.
    for (const operation of scoped) {
      const role = operation.roles.find((candidate) => candidate !== 'admin') as Role;
      await assignStaff(env.runtime, `test-here-${role}`, [FORM]);
      const actual = (await send(operation, tokenFor(`here-${role}`, role), true)).status;
      expect([403, 404], `${operation.key} as ${role} of the form`).not.toContain(actual);
    }
  });
});
