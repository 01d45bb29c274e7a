import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { USER_POOL_ACTIONS } from '../../infra/constructs/function-access.ts';
import { buildTestApp } from './lotse-app-fixture.ts';

// biome-ignore lint/suspicious/noExplicitAny: template JSON is untyped; the assertions are the type check.
type Resource = { Type: string; Properties: Record<string, any> };

let stateless: Record<string, Resource>;
let stateful: Record<string, Resource>;

beforeAll(() => {
  const lotse = buildTestApp({ cloudFormationValidation: false, bundle: false });
  stateless = Template.fromStack(lotse.stateless).toJSON().Resources;
  stateful = Template.fromStack(lotse.stateful).toJSON().Resources;
});

const ofType = (resources: Record<string, Resource>, type: string) =>
  Object.entries(resources).filter(([, r]) => r.Type === type);

function functionOf(id: string): Resource {
  const found = ofType(stateless, 'AWS::Lambda::Function').find(
    ([, r]) => r.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === id,
  );
  if (!found) throw new Error(`no function ${id}`);
  return found[1];
}

/** The Cognito statements of a function's role. */
function cognitoStatements(id: string) {
  const role = functionOf(id).Properties.Role['Fn::GetAtt'][0];
  return ofType(stateless, 'AWS::IAM::Policy')
    .filter(([, p]) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === role))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
    .filter((s: { Action: string | string[] }) =>
      [s.Action].flat().some((a) => a.startsWith('cognito-idp:')),
    );
}

describe('user management on AWS', () => {
  it('lets the user functions call only the Cognito actions they need, on the pool only', () => {
    const list = cognitoStatements('admin-user-list');
    expect(list.flatMap((s: { Action: string[] }) => [s.Action].flat()).sort()).toEqual(
      [...USER_POOL_ACTIONS.read].sort(),
    );
    const invite = cognitoStatements('admin-user-invite');
    expect(invite.flatMap((s: { Action: string[] }) => [s.Action].flat()).sort()).toEqual(
      [...USER_POOL_ACTIONS.read, ...USER_POOL_ACTIONS.manage].sort(),
    );
    for (const statement of [...list, ...invite])
      expect(JSON.stringify(statement.Resource)).not.toContain('*');
    expect(cognitoStatements('form-list')).toEqual([]);
  });

  it('tells the functions the pool id', () => {
    expect(functionOf('admin-user-update').Properties.Environment.Variables.USER_POOL_ID).toBeDefined();
  });

  it('invites in German and English, with a temporary password valid for 7 days', () => {
    const [[, pool]] = ofType(stateful, 'AWS::Cognito::UserPool') as [[string, Resource]];
    const invitation = pool.Properties.AdminCreateUserConfig.InviteMessageTemplate;
    expect(invitation.EmailSubject).toContain('Einladung');
    expect(invitation.EmailSubject).toContain('Invitation');
    expect(invitation.EmailMessage).toContain('{username}');
    expect(invitation.EmailMessage).toContain('{####}');
    expect(pool.Properties.Policies.PasswordPolicy.TemporaryPasswordValidityDays).toBe(7);
  });
});
