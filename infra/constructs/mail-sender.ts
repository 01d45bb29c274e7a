import { ArnFormat, CfnOutput, Fn, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { senderDomain } from '../config.ts';

export interface MailSenderProps {
  /** The sender address of every Lotse e-mail; its domain becomes the SES identity. */
  readonly mailFrom: string;
  /** Name of the configuration set every mail goes through. @default - a CloudFormation generated name */
  readonly configurationSetName?: string;
}

/**
 * The SES identity Lotse sends from: the sender's domain with Easy DKIM (RSA 2048), so mail is
 * signed for the From domain (DMARC aligns through DKIM) and any address at it may be the sender.
 * SES verifies the domain once the three DKIM CNAME records it names (stack outputs `DkimRecord1`
 * to `3`) are in the domain's DNS; until then every send fails.
 *
 * Every mail goes through a configuration set, the identity's default, so no caller can forget
 * it: SES never again mails an address that hard-bounced or complained (SES's account reputation
 * is what a small organisation loses first), requires TLS to the receiving server, and counts
 * bounces, complaints, rejects and delivery delays in CloudWatch.
 */
export class MailSender extends Construct {
  readonly identity: ses.EmailIdentity;
  readonly configurationSet: ses.ConfigurationSet;
  readonly mailFrom: string;
  /** The verified domain: the part of mailFrom after the @. */
  readonly domain: string;

  constructor(scope: Construct, id: string, props: MailSenderProps) {
    super(scope, id);
    this.mailFrom = props.mailFrom;
    this.domain = senderDomain(props.mailFrom);

    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      ...(props.configurationSetName ? { configurationSetName: props.configurationSetName } : {}),
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      reputationMetrics: true,
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
    });
    // Event publishing: the metrics exist only in hours with such events (CloudWatch bills them as
    // custom metrics, by the hour); sends and deliveries are left out, they would be there every day.
    this.configurationSet.addEventDestination('Metrics', {
      destination: ses.EventDestination.cloudWatchDimensions([
        {
          // An SES auto-tag: every mail carries the name of its configuration set.
          source: ses.CloudWatchDimensionSource.MESSAGE_TAG,
          name: 'ses:configuration-set',
          defaultValue: this.configurationSet.configurationSetName,
        },
      ]),
      events: [
        ses.EmailSendingEvent.BOUNCE,
        ses.EmailSendingEvent.COMPLAINT,
        ses.EmailSendingEvent.REJECT,
        ses.EmailSendingEvent.DELIVERY_DELAY,
      ],
    });

    this.identity = new ses.EmailIdentity(this, 'Identity', {
      identity: ses.Identity.domain(this.domain),
      dkimIdentity: ses.DkimIdentity.easyDkim(ses.EasyDkimSigningKeyLength.RSA_2048_BIT),
      dkimSigning: true,
      configurationSet: this.configurationSet,
    });
    this.identity.dkimRecords.forEach((record, index) => {
      new CfnOutput(Stack.of(this), `DkimRecord${index + 1}`, {
        description: `Add this CNAME record to the DNS of ${this.domain}; SES sends once it shows the domain verified (docs/deploy.md)`,
        value: Fn.join(' ', [record.name, 'CNAME', record.value]),
      });
    });
  }

  /**
   * Lets the grantee send, but only with this From address. SES authorises a send against the
   * identities and, because the identity has a default configuration set, against that set too.
   * The identities are every one of the account because SES also authorises against the
   * recipient's identity while the account is in the sandbox; the From-address condition is what
   * keeps this to our sender.
   */
  grantSend(grantee: iam.IGrantable): iam.Grant {
    const stack = Stack.of(this);
    return iam.Grant.addToPrincipal({
      grantee,
      actions: ['ses:SendEmail'],
      resourceArns: [
        stack.formatArn({ service: 'ses', resource: 'identity', resourceName: '*' }),
        stack.formatArn({
          service: 'ses',
          resource: 'configuration-set',
          resourceName: this.configurationSet.configurationSetName,
          arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
        }),
      ],
      conditions: { StringEquals: { 'ses:FromAddress': this.mailFrom } },
    });
  }

  /** GetAccount (sending enabled, quota) has no resource-level permissions. */
  grantReadAccount(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions: ['ses:GetAccount'], resourceArns: ['*'] });
  }
}
