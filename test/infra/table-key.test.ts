import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildTestApp, testContext } from './lotse-app-fixture.ts';

/**
 * The table is encrypted with the AWS owned key unless the organisation chooses its own KMS key
 * (`-c lotse:tableKey=customer-managed`): a customer managed key is $1 a month and more with each
 * rotation, the largest part of an idle stage's bill (npm run cost).
 */
function stateful(tableKey?: string) {
  const lotse = buildTestApp({
    bundle: false,
    cloudFormationValidation: false,
    context: { ...testContext, ...(tableKey ? { 'lotse:tableKey': tableKey } : {}) },
  });
  return Template.fromStack(lotse.stateful);
}

describe('the key that encrypts the table', () => {
  it('is the AWS owned one by default: no KMS key of ours for the table', () => {
    const template = stateful();
    const table = Object.values(template.findResources('AWS::DynamoDB::Table'))[0] as {
      Properties: { SSESpecification?: { SSEEnabled?: boolean; KMSMasterKeyId?: unknown } };
    };
    // No SSESpecification, or SSE off, is DynamoDB's encryption with the AWS owned key.
    expect(table.Properties.SSESpecification?.SSEEnabled ?? false).toBe(false);
    expect(table.Properties.SSESpecification?.KMSMasterKeyId).toBeUndefined();
    // No KMS key at all: the credential signing key is in Parameter Store unless KMS is chosen.
    expect(template.findResources('AWS::KMS::Key')).toEqual({});
  });

  it('is a rotated customer managed key that outlives the stack, when chosen', () => {
    const template = stateful('customer-managed');
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
    });
    template.hasResource('AWS::KMS::Key', {
      DeletionPolicy: 'Retain',
      Properties: { EnableKeyRotation: true },
    });
  });

  it('refuses any other choice, naming the key', () => {
    expect(() => stateful('mine')).toThrow(
      /lotse:tableKey "mine" must be one of aws-owned, customer-managed/,
    );
  });
});
