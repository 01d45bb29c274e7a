import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { describe, expect, it } from 'vitest';
import { functionIds, functions } from '#definitions/functions.ts';
import { certificateAssets } from '#shared/certificates/assets.ts';
import { grantAccess } from '../../infra/constructs/function-access.ts';
import { LotseFunction } from '../../infra/constructs/lotse-function.ts';
import { repositoryRoot } from '../../infra/local/runtime.ts';
import { buildTestApp, testContext } from './lotse-app-fixture.ts';

describe('certificate infrastructure', () => {
  it('bundles the fonts next to a function that renders certificates, and the bundle renders on its own', async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'lotse-cdk-certs-'));
    const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': ['**'] } });
    const stack = new Stack(app, 'Certs', { env: { region: 'eu-central-1' } });
    const fn = new LotseFunction(stack, 'Render', {
      entry: join(repositoryRoot, 'test/infra/fixtures/certificate-render-handler.ts'),
      projectRoot: repositoryRoot,
      description: 'renders a certificate',
      serviceName: 'certificate-render',
      assets: certificateAssets,
    });
    const resource =
      Template.fromStack(stack).toJSON().Resources[
        stack.getLogicalId(fn.function.node.defaultChild as never)
      ];
    const assetDirectory = join(
      outdir,
      `asset.${String(resource.Properties.Code.S3Key).replace(/\.zip$/, '')}`,
    );
    for (const font of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'])
      expect(existsSync(join(assetDirectory, 'assets', font)), font).toBe(true);

    // Away from the repository (no node_modules to fall back on), as on Lambda.
    const lambdaRoot = mkdtempSync(join(tmpdir(), 'lotse-task-'));
    cpSync(assetDirectory, lambdaRoot, { recursive: true });
    const bundled = await import(pathToFileURL(join(lambdaRoot, 'index.mjs')).href);
    expect(await bundled.handler()).toMatchObject({ head: '%PDF-', size: expect.any(Number) });
  }, 180_000);

  it('refuses an asset path outside the project', () => {
    const stack = new Stack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'Bad');
    expect(
      () =>
        new LotseFunction(stack, 'Fn', {
          entry: join(repositoryRoot, 'test/infra/fixtures/certificate-render-handler.ts'),
          projectRoot: repositoryRoot,
          description: 'x',
          serviceName: 'x',
          assets: ['../secrets.txt'],
        }),
    ).toThrow(/inside the project/);
  });

  it('keeps the signing key in Parameter Store by default: no KMS key, the certifier alone may read or make it', () => {
    const { stateful, stateless } = buildTestApp({ bundle: false, cloudFormationValidation: false });
    expect(Template.fromStack(stateful).findResources('AWS::KMS::Key')).toEqual({});
    const resources = Object.values(Template.fromStack(stateless).toJSON().Resources) as Array<{
      Type: string;
      // biome-ignore lint/suspicious/noExplicitAny: template JSON is untyped; the assertions are the type check.
      Properties: Record<string, any>;
    }>;
    const variables = (id: string) =>
      resources.find(
        (r) =>
          r.Type === 'AWS::Lambda::Function' &&
          r.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === id,
      )?.Properties.Environment.Variables as Record<string, unknown>;
    for (const id of functionIds) {
      const env = variables(id);
      expect('CREDENTIAL_KEY_ID' in env, id).toBe(false);
      expect(env.CREDENTIAL_KEY_PARAMETER, id).toBe(
        id === 'course-certify' ? '/lotse/test/credential-signing-key' : undefined,
      );
      expect(env.CREDENTIAL_PUBLIC_KEY_PARAMETER, id).toBe(
        ['course-certify', 'course-public'].includes(id) ? '/lotse/test/credential-public-key' : undefined,
      );
    }
    // Which policies name a parameter, and with which actions.
    const statements = resources
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Array<{ Action: unknown; Resource: unknown }>)
      .filter((st) => JSON.stringify(st.Resource).includes(':parameter/lotse/'));
    const summary = statements.map((st) => ({
      actions: ([] as string[]).concat(st.Action as string[]).sort(),
      parameters: JSON.stringify(st.Resource)
        .match(/parameter\/lotse\/test\/[a-z-]+/g)
        ?.sort(),
    }));
    expect(summary).toHaveLength(2);
    expect(summary).toContainEqual({
      actions: ['ssm:GetParameter', 'ssm:PutParameter'],
      parameters: [
        'parameter/lotse/test/credential-public-key',
        'parameter/lotse/test/credential-signing-key',
      ],
    });
    expect(summary).toContainEqual({
      actions: ['ssm:GetParameter'],
      parameters: ['parameter/lotse/test/credential-public-key'],
    });
    // Nothing else in the stack may touch the parameters.
    const anySsm = resources
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .filter((p) => JSON.stringify(p.Properties.PolicyDocument).includes('ssm:'));
    expect(anySsm).toHaveLength(2);
  });

  it('keeps an asymmetric P-256 signing key in the stateful stack, retained, under the stage alias, when KMS is chosen', () => {
    const { stateful, stateless } = buildTestApp({
      bundle: false,
      cloudFormationValidation: false,
      context: { ...testContext, 'lotse:credentialKey': 'kms' },
    });
    const template = Template.fromStack(stateful);
    const keys = template.findResources('AWS::KMS::Key', { Properties: { KeySpec: 'ECC_NIST_P256' } });
    expect(Object.values(keys)).toHaveLength(1);
    const [key] = Object.values(keys) as Array<{
      Properties: Record<string, unknown>;
      DeletionPolicy: string;
    }>;
    expect(key?.Properties.KeyUsage).toBe('SIGN_VERIFY');
    expect(key?.DeletionPolicy).toBe('Retain');
    template.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/lotse-test-credentials' });

    // Only functions that sign get kms:Sign; they and those that publish the public key get its id.
    const access = (id: (typeof functionIds)[number]) =>
      functions[id].access as { signCredentials?: boolean; readCredentialKey?: boolean };
    const signing = new Set(functionIds.filter((id) => access(id).signCredentials));
    const keyUsers = new Set(
      functionIds.filter((id) => access(id).signCredentials || access(id).readCredentialKey),
    );
    expect(signing).toEqual(new Set(['course-certify']));
    expect(keyUsers).toEqual(new Set(['course-certify', 'course-public']));
    const resources = Template.fromStack(stateless).toJSON().Resources as Record<
      string,
      // biome-ignore lint/suspicious/noExplicitAny: template JSON is untyped; the assertions are the type check.
      { Type: string; Properties: Record<string, any> }
    >;
    const lotseFunctions = Object.values(resources).filter(
      (r) =>
        r.Type === 'AWS::Lambda::Function' && r.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME,
    );
    expect(lotseFunctions).toHaveLength(functionIds.length);
    for (const fn of lotseFunctions) {
      const id = fn.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME;
      expect('CREDENTIAL_KEY_ID' in fn.Properties.Environment.Variables, id).toBe(keyUsers.has(id));
    }
    const signers = Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .filter((p) => JSON.stringify(p.Properties.PolicyDocument).includes('kms:Sign'));
    expect(signers).toHaveLength(signing.size);
    const readers = Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .filter((p) => JSON.stringify(p.Properties.PolicyDocument).includes('kms:GetPublicKey'));
    expect(readers).toHaveLength(keyUsers.size);
  });

  it('grants kms:Sign and kms:GetPublicKey on the credential key only to a function with signCredentials', () => {
    const stack = new Stack(new App(), 'Grants', {
      env: { region: 'eu-central-1', account: '123456789012' },
    });
    const key = new kms.Key(stack, 'Key', {
      keySpec: kms.KeySpec.ECC_NIST_P256,
      keyUsage: kms.KeyUsage.SIGN_VERIFY,
    });
    const signer = new iam.Role(stack, 'Signer', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    const other = new iam.Role(stack, 'Other', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    const resources = {
      table: undefined as never,
      stateMachineArns: {},
      mail: undefined as never,
      credentialKey: key,
    };
    grantAccess(signer, { signCredentials: true }, resources);
    grantAccess(other, {}, resources);
    const policies = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy')) as Array<{
      Properties: {
        Roles: Array<{ Ref: string }>;
        PolicyDocument: { Statement: Array<Record<string, unknown>> };
      };
    }>;
    expect(policies).toHaveLength(1);
    const statements = policies[0]?.Properties.PolicyDocument.Statement ?? [];
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({ Action: ['kms:Sign', 'kms:GetPublicKey'], Effect: 'Allow' });
    expect(JSON.stringify(statements[0]?.Resource)).toContain(
      stack.getLogicalId(key.node.defaultChild as never),
    );
    expect(() =>
      grantAccess(signer, { signCredentials: true }, { ...resources, credentialKey: undefined }),
    ).toThrow(/no credential key/);
  });
});
