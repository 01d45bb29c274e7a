import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { RouteDefinition } from '#definitions/routes.ts';
import { staffPasswordPolicy } from '../../functions/shared/definitions/password-policy.ts';

/** Every group a route may require (functions/shared/definitions/routes.ts). */
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
   * Prefix of the managed login domain `https://<prefix>.auth.<region>.amazoncognito.com`; unique
   * per region across all AWS accounts. @default `<stage>-lotse-<account id>`
   */
  readonly domainPrefix?: string;
  /**
   * The console's address, named in the invitation mail.
   * @default - the mail says "the Lotse console" without an address
   */
  readonly consoleUrl?: string;
  /** Keep the pool and its groups (deletion protection on) when the stack is deleted. @default true */
  readonly retain?: boolean;
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
 * of everybody with access to submissions, so it lives in the stateful stack and, unless `retain`
 * is off (test stages), is retained when the stack is deleted and cannot be deleted while
 * deletion protection is on.
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
  /** The managed login (sign-in, forgot password, MFA) the console sends people to. */
  readonly domain: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: LotseUserPoolProps) {
    super(scope, id);
    const retain = props.retain ?? true;

    // Changing sign-in aliases or required attributes replaces a user pool (and loses every
    // account): settle them here, before the first deploy.
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: `${props.stage}-lotse`,
      selfSignUpEnabled: false,
      // The e-mail address is the username (UsernameAttributes): Cognito refuses e-mail-shaped usernames
      // when e-mail is only an alias, and admins invite people by their address.
      signInAliases: { email: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true } },
      autoVerify: { email: true },
      userInvitation: invitationTemplate(props.consoleUrl),
      // An e-mail change takes effect only once the new address is verified.
      keepOriginal: { email: true },
      passwordPolicy: {
        ...staffPasswordPolicy,
        tempPasswordValidity: Duration.days(7),
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // Plus: threat protection (compromised credentials, risky sign-ins), billed per monthly
      // active user; the pool has a handful of staff accounts, so that is cents a month.
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: retain,
      removalPolicy: retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
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

    // Kept with the pool: who is in which group is part of the accounts. Renaming a group
    // replaces it and empties it.
    for (const [groupName, description] of Object.entries(userGroups)) {
      new cognito.CfnUserPoolGroup(this, `Group-${groupName}`, {
        userPoolId: this.userPool.userPoolId,
        groupName,
        description,
      }).applyRemovalPolicy(retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);
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
    // Managed login (the newer version, brandable): sign-in, forgotten password and TOTP set-up for
    // the console, and later federation with an organisation's Entra ID or Google Workspace.
    this.domain = this.userPool.addDomain('ManagedLogin', {
      cognitoDomain: { domainPrefix: props.domainPrefix ?? `${props.stage}-lotse-${stack.account}` },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
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

export interface LotseConsoleClientProps {
  readonly userPool: cognito.IUserPool;
  /** The managed login domain's base URL, `https://<prefix>.auth.<region>.amazoncognito.com`. */
  readonly loginUrl: string;
  /** Where the console is served: `https://<custom domain>`, or `https://<distribution domain>` without one. */
  readonly webUrl: string;
}

/**
 * The console's app client: public, authorization code grant only (the console sends a PKCE
 * challenge), the CloudFront domain as callback and logout URL, tokens for a working day. It lives
 * with the distribution (stateless stack) because its URLs are the distribution's; replacing it
 * loses no account. Managed login's branding uses Cognito's defaults.
 */
export class LotseConsoleClient extends Construct {
  readonly client: cognito.UserPoolClient;
  /** What the console's `/config.json` carries under `oidc` (see docs/console.md, "Sign-in"). */
  readonly oidcConfig: Readonly<Record<string, unknown>>;

  constructor(scope: Construct, id: string, props: LotseConsoleClientProps) {
    super(scope, id);
    const signedOut = `${props.webUrl}/console/signed-out`;
    this.client = new cognito.UserPoolClient(this, 'Client', {
      userPool: props.userPool,
      generateSecret: false,
      // No password, SRP or custom flows: the console signs in through managed login only.
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [`${props.webUrl}/console/callback`],
        logoutUrls: [`${props.webUrl}/`, signedOut],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      // A working day; the console renews access tokens with it and then asks to sign in again.
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
    });
    new cognito.CfnManagedLoginBranding(this, 'Branding', {
      userPoolId: props.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    this.oidcConfig = {
      scope: 'openid email profile',
      clientId: this.client.userPoolClientId,
      // Cognito's discovery document names no end_session_endpoint, and its /logout wants
      // client_id and logout_uri rather than the standard parameters.
      metadataSeed: { end_session_endpoint: `${props.loginUrl}/logout` },
      logoutQueryParams: { client_id: this.client.userPoolClientId, logout_uri: signedOut },
    };
  }
}
