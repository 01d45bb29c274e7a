import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ForbiddenError, UnauthorizedError } from '../domain/errors.ts';
import type { Caller } from '../domain/staff.ts';

export type { Caller };

type EventWithJwt = APIGatewayProxyEventV2 & {
  requestContext: { authorizer?: { jwt?: { claims?: Record<string, unknown> } } };
};

/**
 * The caller as API Gateway's JWT authorizer passed it on. The authorizer has already checked the
 * token; this checks the group. API Gateway flattens array claims to a string like "[admin viewer]".
 */
export function requireGroup(event: APIGatewayProxyEventV2, allowed: readonly string[]): Caller {
  const claims = (event as EventWithJwt).requestContext?.authorizer?.jwt?.claims;
  if (!claims || typeof claims.sub !== 'string') throw new UnauthorizedError('Sign in to use this.');
  const groups = parseGroups(claims['cognito:groups']);
  if (!groups.some((group) => allowed.includes(group))) {
    throw new ForbiddenError(`This needs the role ${allowed.join(' or ')}.`);
  }
  const username = String(claims.username ?? claims['cognito:username'] ?? claims.sub);
  const email = typeof claims.email === 'string' ? claims.email : undefined;
  return { sub: claims.sub, username, groups, ...(email ? { email } : {}) };
}

export function parseGroups(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string' || value === '') return [];
  return value
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}
