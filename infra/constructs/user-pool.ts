import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { RouteDefinition } from '#definitions/routes.ts';

/** Every group a route may require (infra/definitions/routes.ts). */
export type UserGroup = NonNullable<RouteDefinition['auth']>['groups'][number];

/** The user pool's groups. A Record, so a group added to the route definitions fails to compile until it is here. */
export const userGroups: Readonly<Record<UserGroup, string>> = {
  admin: 'Manages forms and users',
  coordinator: 'Works with submissions',
  viewer: 'Reads submissions',
};

export interface LotseUserPoolProps {
  /** Name prefix, e.g. `prod`. */
  readonly stage: string;
  /**
   * The console's address, named in the invitation mail.
   * @default - the mail says "the Lotse console" without an address
   */
  readonly consoleUrl?: string;
}

/** Cognito's invitation (AdminCreateUser): one mail in German and English, as the pool has one template. */
export function invitationTemplate(consoleUrl?: string): cognito.UserInvitationConfig {
  const where = consoleUrl ?? 'die Lotse-Konsole · the Lotse console';
  return {
    emailSubject: 'Einladung zu Lotse · Invitation to Lotse',
    emailBody: [
      'Guten Tag,<br><br>Sie wurden zu Lotse eingeladen. Melden Sie sich innerhalb von 7 Tagen an unter',
      `${where} mit dem Benutzernamen {username} und dem vorläufigen Passwort {####} und legen Sie dann Ihr eigenes Passwort fest.`,
      '<br><br>---<br><br>Hello,<br><br>You have been invited to Lotse. Within 7 days, sign in at',
      `${where} with the username {username} and the temporary password {####}, then choose your own password.`,
    ].join(' '),
  };
}

/**
 * The people who work with Lotse (admins, coordinators, viewers), with no self sign-up: an admin
 * creates each account. The pool holds personal data (names, e-mail addresses) and the accounts
 * of everybody with access to submissions, so it lives in the stateful stack, is retained when
 * the stack is deleted and cannot be deleted while deletion protection is on.
 *
 * Handlers check the group themselves (functions/shared/http/auth.ts); API Gateway's JWT authorizer
 * checks the token against `issuerUrl` and `client`.
 */
export class LotseUserPool extends Construct {
  readonly userPool: cognito.UserPool;
  /** The app client of the web app and the command line: public (no secret). */
  readonly client: cognito.UserPoolClient;
  /** `https://cognito-idp.<region>.amazonaws.com/<pool id>`, the `iss` of the pool's tokens. */
  readonly issuerUrl: string;

  constructor(scope: Construct, id: string, props: LotseUserPoolProps) {
    super(scope, id);

    // Changing sign-in aliases or required attributes replaces a user pool (and loses every
    // account): settle them here, before the first deploy.
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: `${props.stage}-lotse`,
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true } },
      autoVerify: { email: true },
      userInvitation: invitationTemplate(props.consoleUrl),
      // An e-mail change takes effect only once the new address is verified.
      keepOriginal: { email: true },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: false,
        tempPasswordValidity: Duration.days(7),
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // Plus: threat protection (compromised credentials, risky sign-ins), billed per monthly
      // active user; the pool has a handful of staff accounts, so that is cents a month.
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // What FULL_FUNCTION does, written down rather than left to the service's defaults: a password
    // known from a breach is refused, a risky sign-in must pass MFA (high risk: blocked without it).
    // No notification e-mails, which would need an SES identity in this stack.
    new cognito.CfnUserPoolRiskConfigurationAttachment(this, 'ThreatProtection', {
      userPoolId: this.userPool.userPoolId,
      clientId: 'ALL',
      compromisedCredentialsRiskConfiguration: { actions: { eventAction: 'BLOCK' } },
      accountTakeoverRiskConfiguration: {
        actions: {
          lowAction: { eventAction: 'NO_ACTION', notify: false },
          mediumAction: { eventAction: 'MFA_IF_CONFIGURED', notify: false },
          highAction: { eventAction: 'MFA_REQUIRED', notify: false },
        },
      },
    });

    // Retained with the pool: who is in which group is part of the accounts. Renaming a group
    // replaces it and empties it.
    for (const [groupName, description] of Object.entries(userGroups)) {
      new cognito.CfnUserPoolGroup(this, `Group-${groupName}`, {
        userPoolId: this.userPool.userPoolId,
        groupName,
        description,
      }).applyRemovalPolicy(RemovalPolicy.RETAIN);
    }

    this.client = this.userPool.addClient('Client', {
      userPoolClientName: `${props.stage}-lotse`,
      generateSecret: false,
      // USER_PASSWORD_AUTH for the command line (infra/cli/forms.ts), SRP for the browser.
      authFlows: { userPassword: true, userSrp: true },
      // No hosted UI: both sign in through the Cognito API.
      disableOAuth: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
    });

    const stack = Stack.of(this);
    this.issuerUrl = `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${this.userPool.userPoolId}`;

    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG1',
        reason:
          'At least 12 characters with upper case, lower case and digits, but no symbol rule: NIST SP 800-63B advises length over composition rules, and threat protection refuses passwords known from breaches.',
      },
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA (TOTP) is optional because neither the command line (infra/cli/forms.ts) nor the web app can enrol an authenticator yet, so with REQUIRED nobody could sign in; threat protection demands MFA for risky sign-ins meanwhile. Switch to REQUIRED once enrolment exists.',
      },
    );
  }
}
