import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildTestApp, testContext } from './lotse-app-fixture.ts';

type Resource = {
  Type: string;
  Properties?: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
};

/** What `cdk destroy --all` leaves behind in the account: every resource whose policy is Retain. */
function leftBehind(context: Record<string, unknown>) {
  const lotse = buildTestApp({ bundle: false, cloudFormationValidation: false, context });
  const resources = [lotse.stateful, lotse.stateless].flatMap(
    (stack) => Object.values(Template.fromStack(stack).toJSON().Resources) as Resource[],
  );
  return {
    resources,
    retained: resources.filter((r) => r.DeletionPolicy === 'Retain' || r.UpdateReplacePolicy === 'Retain'),
  };
}

const { 'lotse:retainData': _kept, ...withoutChoice } = testContext;
/** Both KMS keys an organisation may choose: the table's own and the credential signing key. */
const bothKeys = { 'lotse:tableKey': 'customer-managed', 'lotse:credentialKey': 'kms' };

describe('what deleting the stacks leaves behind', () => {
  it('leaves nothing of a test stage that keeps billing: table, keys, user pool and groups go with it', () => {
    const { resources, retained } = leftBehind({ ...withoutChoice, ...bothKeys });
    expect(retained.map((r) => r.Type)).toEqual([]);
    const table = resources.find((r) => r.Type === 'AWS::DynamoDB::Table');
    expect(table?.DeletionPolicy).toBe('Delete');
    // Deletion protection would make CloudFormation fail the delete and keep the table.
    expect(table?.Properties?.DeletionProtectionEnabled).toBe(false);
    const pool = resources.find((r) => r.Type === 'AWS::Cognito::UserPool');
    expect(pool?.Properties?.DeletionProtection).toBe('INACTIVE');
    // Both keys (the table's own and the credential signing key) are scheduled for deletion in 7 days.
    const keys = resources.filter((r) => r.Type === 'AWS::KMS::Key');
    expect(keys).toHaveLength(2);
    for (const key of keys) {
      expect(key.DeletionPolicy).toBe('Delete');
      expect(key.Properties?.PendingWindowInDays).toBe(7);
    }
  });

  it('keeps the data of the prod stage (and of any stage that asks), protected against deletion', () => {
    for (const context of [
      { ...withoutChoice, 'lotse:stage': 'prod' },
      { ...withoutChoice, 'lotse:retainData': 'true' },
    ]) {
      const { retained } = leftBehind({ ...context, ...bothKeys });
      expect(retained.map((r) => r.Type).sort()).toEqual([
        'AWS::Cognito::UserPool',
        'AWS::Cognito::UserPoolGroup',
        'AWS::Cognito::UserPoolGroup',
        'AWS::Cognito::UserPoolGroup',
        'AWS::DynamoDB::Table',
        'AWS::KMS::Key',
        'AWS::KMS::Key',
      ]);
      for (const resource of retained) expect(resource.DeletionPolicy).toBe('Retain');
      const table = retained.find((r) => r.Type === 'AWS::DynamoDB::Table');
      expect(table?.Properties?.DeletionProtectionEnabled).toBe(true);
    }
  });

  it('lets prod give its data up when told', () => {
    const { retained } = leftBehind({ ...withoutChoice, 'lotse:stage': 'prod', 'lotse:retainData': 'false' });
    expect(retained).toEqual([]);
  });
});
