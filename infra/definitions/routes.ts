import type * as z from 'zod';
import {
  confirmSystemCheckRequest,
  createSystemCheckRequest,
  errorResponse,
  systemCheckView,
} from '../../functions/shared/contracts/system-check.ts';
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
  readonly responses: Readonly<Record<number, { readonly description: string; readonly schema?: z.ZodType }>>;
}

const problems = {
  400: { description: 'The request is not valid; `issues` names each field', schema: errorResponse },
  500: { description: 'Unexpected error; the answer carries a reference', schema: errorResponse },
} as const;

export const routes: readonly RouteDefinition[] = [
  {
    method: 'GET',
    path: '/api/health',
    function: 'health',
    summary: 'Reports whether data, workflows and mail are reachable',
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
    responses: {
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
    responses: {
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
    responses: {
      200: { description: 'Confirmed', schema: systemCheckView },
      404: { description: 'No such check', schema: errorResponse },
      409: { description: 'The check is not waiting for a code', schema: errorResponse },
      410: { description: 'The wait is over', schema: errorResponse },
      ...problems,
    },
  },
];

export const routeKey = (route: RouteDefinition): string => `${route.method} ${route.path}`;
