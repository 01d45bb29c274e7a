import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './lotse-app-fixture.ts';

let stateful: Template;
let stateless: Template;

beforeAll(() => {
  const { stateful: statefulStack, stateless: statelessStack } = buildTestApp({
    bundle: false,
    cloudFormationValidation: false,
  });
  stateful = Template.fromStack(statefulStack);
  stateless = Template.fromStack(statelessStack);
});

const json = (value: unknown) => JSON.stringify(value);

describe('staff sign-in on AWS: Cognito managed login for the console', () => {
  it('keeps MFA optional (TOTP), recovery by e-mail, and the three groups', () => {
    stateful.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
    });
    const groups = Object.values(stateful.findResources('AWS::Cognito::UserPoolGroup')).map(
      (group) => group.Properties.GroupName,
    );
    expect(groups.sort()).toEqual(['admin', 'coordinator', 'viewer']);
  });

  it('has a managed login domain of the newer version', () => {
    stateful.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      ManagedLoginVersion: 2,
      Domain: Match.anyValue(),
    });
  });

  it('gives the console a public client: code grant only, the distribution’s URLs, a working day', () => {
    stateless.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    const [client] = Object.values(stateless.findResources('AWS::Cognito::UserPoolClient'));
    const properties = client?.Properties;
    expect(properties).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      SupportedIdentityProviders: ['COGNITO'],
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      RefreshTokenValidity: 12 * 60,
      EnableTokenRevocation: true,
      PreventUserExistenceErrors: 'ENABLED',
    });
    expect(properties.ExplicitAuthFlows ?? []).not.toContain('ALLOW_USER_PASSWORD_AUTH');
    expect(json(properties.CallbackURLs)).toMatch(/DomainName.*\/console\/callback/);
    expect(properties.LogoutURLs).toHaveLength(2);
    expect(json(properties.LogoutURLs)).toContain('/console/signed-out');
  });

  it('brands managed login with Cognito’s defaults for the console client', () => {
    stateless.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', {
      UseCognitoProvidedValues: true,
      ClientId: { Ref: Match.stringLikeRegexp('ConsoleClient') },
    });
  });

  it('accepts console tokens at the JWT authorizer next to the command line’s client', () => {
    const [authorizer] = Object.values(stateless.findResources('AWS::ApiGatewayV2::Authorizer'));
    expect(authorizer?.Properties.JwtConfiguration.Audience).toHaveLength(2);
    expect(json(authorizer?.Properties.JwtConfiguration.Audience)).toContain('ConsoleClient');
  });

  it('writes the console’s OpenID settings into config.json (Cognito logout seeded)', () => {
    const [deployment] = Object.values(stateless.findResources('Custom::CDKBucketDeployment'));
    const markers = json(deployment?.Properties.SourceMarkers);
    expect(markers).toMatch(/"authority":\{"Fn::Join":\["",\["https:\/\/cognito-idp\./);
    expect(markers).toMatch(/"end_session_endpoint":.*\.auth\.eu-central-1\.amazoncognito\.com\/logout/);
    expect(markers).toMatch(/"logout_uri":.*\/console\/signed-out/);
    expect(markers).toContain('"clientId":{"Ref":"ConsoleClient');
  });
});
