import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  functionArnSubstitutionKey,
  functionIds,
  functions,
} from '../../functions/shared/definitions/functions.ts';
import { routeKey, routes } from '../../functions/shared/definitions/routes.ts';
import {
  readWorkflow,
  stateMachineIds,
  stateMachines,
  substitute,
} from '../../functions/shared/definitions/state-machines.ts';
import { repositoryRoot } from '../../infra/local/runtime.ts';
import { readFormFiles } from '../../infra/local/seed.ts';
import { validateAsl } from '../../infra/local/stepfunctions/validate.ts';

const fakeArns = Object.fromEntries(
  functionIds.map((id) => [
    functionArnSubstitutionKey(id),
    `arn:aws:lambda:eu-central-1:123456789012:function:${id}`,
  ]),
);

describe('state machine definitions', () => {
  it.each(stateMachineIds)('%s is valid ASL once its function ARNs are filled in', (id) => {
    const result = validateAsl(JSON.parse(substitute(readWorkflow(id), fakeArns)));
    expect(result).toEqual({ valid: true });
  });

  it.each(stateMachineIds)('%s refers exactly to the functions it declares in `invokes`', (id) => {
    const used = [...readWorkflow(id).matchAll(/\$\{([A-Za-z0-9]+)\}/g)].map((m) => m[1]);
    const declared = stateMachines[id].invokes.map(functionArnSubstitutionKey);
    expect(new Set(used)).toEqual(new Set(declared));
  });

  it('refuses a definition with a broken transition', () => {
    const broken = { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Missing' } } };
    expect(validateAsl(broken).valid).toBe(false);
  });

  it('names the substitution that is missing', () => {
    const placeholder = ['$', '{NopeFunctionArn}'].join('');
    expect(() => substitute(`{"x":"${placeholder}"}`, {})).toThrow(/NopeFunctionArn/);
  });
});

describe('routes and functions', () => {
  it('lets the submission starters start every workflow a form can name (IAM is not checked locally)', () => {
    const starters = (['submission-workflow-start', 'submission-workflow-redrive'] as const).map(
      (id) => (functions[id].access as { startExecution?: readonly string[] }).startExecution ?? [],
    );
    const named = new Set(
      readFormFiles(join(repositoryRoot, 'forms')).map(({ definition }) => String(definition.workflow)),
    );
    named.add('submission-received');
    for (const workflow of named) for (const allowed of starters) expect(allowed).toContain(workflow);
  });

  it('route keys are unique and every route lives under /api', () => {
    const keys = routes.map(routeKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const route of routes) expect(route.path.startsWith('/api/')).toBe(true);
  });

  it.each(functionIds)('function %s has an entry file that exists', (id) => {
    expect(existsSync(join(repositoryRoot, functions[id].entry))).toBe(true);
  });
});
