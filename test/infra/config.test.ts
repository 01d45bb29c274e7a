import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { placeholderMailFrom, readConfig } from '../../infra/config.ts';

const configOf = (context: Record<string, unknown>, env: NodeJS.ProcessEnv = {}) =>
  readConfig(new App({ context }).node, env);

describe('deployment configuration', () => {
  it('uses the defaults when only the sender is given', () => {
    expect(configOf({ 'lotse:mailFrom': 'lotse@verein.example' })).toEqual({
      stage: 'prod',
      region: 'eu-central-1',
      account: undefined,
      mailFrom: 'lotse@verein.example',
      mailFromUndeliverable:
        'verein.example is reserved for examples and tests, no mail from it can be delivered',
      organisationName: 'Lotse',
      alarmEmail: undefined,
      adminEmail: undefined,
      logLevel: 'WARN',
      tableKey: 'aws-owned',
      retainData: true,
      credentialKey: 'parameter',
      customDomain: undefined,
    });
  });

  it('keeps the data of the prod stage only, unless told otherwise, and refuses anything but true or false', () => {
    expect(configOf({}).retainData).toBe(true);
    expect(configOf({ 'lotse:stage': 'test' }).retainData).toBe(false);
    expect(configOf({ 'lotse:stage': 'test', 'lotse:retainData': 'true' }).retainData).toBe(true);
    expect(configOf({ 'lotse:retainData': false }).retainData).toBe(false);
    expect(() => configOf({ 'lotse:retainData': 'yes' })).toThrow(/lotse:retainData must be true or false/);
  });

  it('keeps the credential signing key in Parameter Store unless KMS is chosen', () => {
    expect(configOf({ 'lotse:credentialKey': 'kms' }).credentialKey).toBe('kms');
    expect(() => configOf({ 'lotse:credentialKey': 'hsm' })).toThrow(
      /lotse:credentialKey "hsm" must be one of parameter, kms/,
    );
  });

  it('logs at the one default unless told otherwise, and refuses a level that does not exist', () => {
    expect(configOf({ 'lotse:logLevel': 'info' }).logLevel).toBe('INFO');
    expect(() => configOf({ 'lotse:logLevel': 'LOUD' })).toThrow(
      /lotse:logLevel "LOUD" must be one of DEBUG, INFO, WARN, ERROR, SILENT/,
    );
  });

  it('stands in a placeholder sender so synth works without configuration', () => {
    const config = configOf({});
    expect(config.mailFrom).toBe(placeholderMailFrom);
    expect(config.mailFromUndeliverable).toBe('no sender is set');
  });

  it('takes the account from the CLI environment and prefers the project region over the profile', () => {
    const config = configOf(
      { 'lotse:region': 'eu-west-1' },
      { CDK_DEFAULT_ACCOUNT: '123456789012', CDK_DEFAULT_REGION: 'us-east-1' },
    );
    expect(config.account).toBe('123456789012');
    expect(config.region).toBe('eu-west-1');
    expect(configOf({}, { CDK_DEFAULT_REGION: 'us-east-1' }).region).toBe('us-east-1');
  });

  it('reads the submission rate limit as -c passes it (a string) or cdk.json does (a number)', () => {
    const config = configOf({
      'lotse:submissionRateLimit': ' 50 ',
      'lotse:submissionRateWindowSeconds': 600,
    });
    expect(config.submissionRateLimit).toBe(50);
    expect(config.submissionRateWindowSeconds).toBe(600);
    expect(configOf({}).submissionRateLimit).toBeUndefined();
    expect(() =>
      configOf({ 'lotse:submissionRateLimit': '0', 'lotse:submissionRateWindowSeconds': 'soon' }),
    ).toThrow(
      /lotse:submissionRateLimit must be a whole number of at least 1[\s\S]*lotse:submissionRateWindowSeconds must be a whole number/,
    );
  });

  it('takes a custom domain with its certificate from us-east-1, both keys or neither', () => {
    const certificateArn =
      'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789';
    expect(
      configOf({
        'lotse:domainName': ' Lotse.Your-Organisation.org ',
        'lotse:certificateArn': certificateArn,
      }).customDomain,
    ).toEqual({ domainName: 'lotse.your-organisation.org', certificateArn });
    expect(configOf({}).customDomain).toBeUndefined();

    expect(() => configOf({ 'lotse:domainName': 'lotse.your-organisation.org' })).toThrow(
      /lotse:certificateArn is missing: lotse:domainName needs an ACM certificate for that name in us-east-1/,
    );
    expect(() => configOf({ 'lotse:certificateArn': certificateArn })).toThrow(
      /lotse:domainName is missing: lotse:certificateArn needs the host name it was issued for/,
    );
    expect(() =>
      configOf({
        'lotse:domainName': 'lotse.your-organisation.org',
        'lotse:certificateArn': certificateArn.replace('us-east-1', 'eu-central-1'),
      }),
    ).toThrow(
      /lotse:certificateArn is a certificate in eu-central-1, but CloudFront uses certificates from us-east-1 only/,
    );
  });

  it('names each bad custom-domain key in one error', () => {
    const error = (() => {
      try {
        configOf({
          'lotse:domainName': 'https://lotse.your-organisation.org/',
          'lotse:certificateArn': 'arn:aws:iam::123456789012:server-certificate/lotse',
          'lotse:stage': 'Prod',
        });
      } catch (thrown) {
        return (thrown as Error).message;
      }
      return 'no error';
    })();
    expect(error).toMatch(/lotse:stage "Prod"/);
    expect(error).toMatch(
      /lotse:domainName "https:\/\/lotse.your-organisation.org\/" is not a host name; give the name alone/,
    );
    expect(error).toMatch(
      /lotse:certificateArn "arn:aws:iam::123456789012:server-certificate\/lotse" is not the ARN of an ACM certificate/,
    );
    for (const bad of ['lotse', 'lotse..org', '*.your-organisation.org', 'lotse.org.', '-lotse.org']) {
      expect(() => configOf({ 'lotse:domainName': bad, 'lotse:certificateArn': 'x' }), bad).toThrow(
        /lotse:domainName .* is not a host name/,
      );
    }
  });

  it('names every bad key in one error', () => {
    expect(() =>
      configOf({ 'lotse:stage': 'Prod_1', 'lotse:mailFrom': 'not-an-address', 'lotse:alarmEmail': 42 }),
    ).toThrow(
      /lotse:stage "Prod_1" must start with a lowercase letter[\s\S]*lotse:mailFrom "not-an-address" is not an e-mail address[\s\S]*lotse:alarmEmail must be a string/,
    );
  });
});
