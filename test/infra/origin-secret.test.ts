import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ORIGIN_SECRET_ENV,
  ORIGIN_SECRET_HEADER,
  ORIGIN_SECRET_PARAMETER,
  PREVIOUS_ORIGIN_SECRET_ENV,
  PREVIOUS_ORIGIN_SECRET_PARAMETER,
} from '../../functions/shared/definitions/origin-secret.ts';
import { routes } from '../../functions/shared/definitions/routes.ts';
import { buildTestApp } from './lotse-app-fixture.ts';

// biome-ignore lint/suspicious/noExplicitAny: template JSON is untyped; the assertions are the type check.
type Json = Record<string, any>;

let template: Json;

beforeAll(() => {
  const lotse = buildTestApp({ cloudFormationValidation: false, bundle: false });
  template = Template.fromStack(lotse.stateless).toJSON();
});

const ofType = (type: string): Json[] =>
  Object.values(template.Resources as Record<string, Json>).filter((r) => r.Type === type);

/** The value CloudFront sends to the API: the parameter, or the stack id's random part when it is empty. */
function secretCondition(): { name: string; value: unknown } {
  const entry = Object.entries(template.Conditions as Record<string, unknown>).find(
    ([, condition]) =>
      JSON.stringify(condition) === JSON.stringify({ 'Fn::Equals': [{ Ref: ORIGIN_SECRET_PARAMETER }, ''] }),
  );
  if (!entry) throw new Error(`no condition on an empty ${ORIGIN_SECRET_PARAMETER}`);
  const [name] = entry;
  return {
    name,
    value: {
      'Fn::If': [
        name,
        { 'Fn::Select': [2, { 'Fn::Split': ['/', { Ref: 'AWS::StackId' }] }] },
        { Ref: ORIGIN_SECRET_PARAMETER },
      ],
    },
  };
}

describe('only CloudFront reaches the API', () => {
  it('takes the secret from two NoEcho parameters that may stay empty, so a plain deploy works', () => {
    for (const name of [ORIGIN_SECRET_PARAMETER, PREVIOUS_ORIGIN_SECRET_PARAMETER]) {
      const parameter = template.Parameters[name];
      expect(parameter, name).toMatchObject({ Type: 'String', NoEcho: true, Default: '' });
      const allowed = new RegExp(parameter.AllowedPattern);
      expect(allowed.test(''), name).toBe(true);
      expect(allowed.test('Zr3f_0-kq9WmVb1xT7yL2nH8cJ5dA4sE'), name).toBe(true);
      expect(allowed.test('too-short'), name).toBe(false);
      expect(allowed.test('sixteen chars, but spaces'), name).toBe(false);
    }
  });

  it('sends the secret, the parameter or else the stack id’s random part, on every API request', () => {
    const { value } = secretCondition();
    const [distribution] = ofType('AWS::CloudFront::Distribution');
    const origins = distribution?.Properties.DistributionConfig.Origins as Json[];
    const apiOrigins = origins.filter((origin) => origin.CustomOriginConfig);
    expect(apiOrigins).toHaveLength(1);
    expect(apiOrigins[0]?.OriginCustomHeaders).toEqual([
      { HeaderName: ORIGIN_SECRET_HEADER, HeaderValue: value },
    ]);
  });

  it('gives every function that serves a route the same secret, and the previous one, and no other function', () => {
    const { value } = secretCondition();
    const routed = new Set<string>(routes.map((route) => route.function));
    const all = ofType('AWS::Lambda::Function');
    const functions = all.filter((fn) =>
      routed.has(fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME),
    );
    const others = all.filter((fn) => !functions.includes(fn));
    expect(others.length).toBeGreaterThan(0);
    for (const fn of others)
      expect(fn.Properties.Environment?.Variables ?? {}).not.toHaveProperty(ORIGIN_SECRET_ENV);
    expect(
      new Set(functions.map((fn) => fn.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME)),
    ).toEqual(routed);
    for (const fn of functions) {
      const variables = fn.Properties.Environment.Variables;
      expect(variables[ORIGIN_SECRET_ENV], variables.POWERTOOLS_SERVICE_NAME).toEqual(value);
      expect(variables[PREVIOUS_ORIGIN_SECRET_ENV], variables.POWERTOOLS_SERVICE_NAME).toEqual({
        Ref: PREVIOUS_ORIGIN_SECRET_PARAMETER,
      });
    }
  });

  it('names the API’s own execute-api endpoint in no output', () => {
    const apis = Object.entries(template.Resources as Record<string, Json>)
      .filter(([, r]) => r.Type === 'AWS::ApiGatewayV2::Api')
      .map(([id]) => id);
    expect(apis).toHaveLength(1);
    const outputs = JSON.stringify(template.Outputs);
    expect(outputs).not.toContain('execute-api');
    for (const api of apis) expect(outputs).not.toContain(`"${api}"`);
  });
});
