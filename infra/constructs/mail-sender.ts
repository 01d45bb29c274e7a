import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface MailSenderProps {
  /** The sender address of every Lotse e-mail. */
  readonly mailFrom: string;
}

/**
 * The SES identity Lotse sends from. An e-mail address identity is verified by clicking the link
 * SES mails to that address after the first deploy; until then, and while the account is in the
 * SES sandbox (where recipients must be verified too), sending fails. Verifying the whole domain
 * with DKIM instead delivers better; see docs/deploy.md.
 */
export class MailSender extends Construct {
  readonly identity: ses.EmailIdentity;
  readonly mailFrom: string;

  constructor(scope: Construct, id: string, props: MailSenderProps) {
    super(scope, id);
    this.mailFrom = props.mailFrom;
    this.identity = new ses.EmailIdentity(this, 'Identity', { identity: ses.Identity.email(props.mailFrom) });
  }

  /**
   * Lets the grantee send, but only with this From address. The resource is every identity of the
   * account because SES also authorises against the recipient's identity while the account is in
   * the sandbox; the From-address condition is what keeps this to our sender.
   */
  grantSend(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({
      grantee,
      actions: ['ses:SendEmail'],
      resourceArns: [Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: '*' })],
      conditions: { StringEquals: { 'ses:FromAddress': this.mailFrom } },
    });
  }

  /** GetAccount (sending enabled, quota) has no resource-level permissions. */
  grantReadAccount(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions: ['ses:GetAccount'], resourceArns: ['*'] });
  }
}
