/**
 * The CDK app of Lotse (`npx cdk synth`, `npx cdk deploy --all`). Configuration comes from CDK
 * context: `-c key=value`, cdk.json or cdk.context.json.
 *
 *   lotse:stage             name prefix of stacks and named resources            default "prod"
 *   lotse:region            region to deploy to; wins over CDK_DEFAULT_REGION    default "eu-central-1" (cdk.json)
 *   lotse:mailFrom          sender address of all e-mail; its domain becomes     required to deploy; without it a
 *                           the SES identity, verified by DKIM records           placeholder is used and synth warns
 *   lotse:organisationName  shown in e-mails                                     default "Lotse"
 *   lotse:alarmEmail        receives CloudWatch alarms; without it, no alarms    optional
 *   lotse:adminEmail        receives the digest of applications that need        default: lotse:alarmEmail
 *                           attention (failed workflows, refused e-mail, …)
 *   lotse:submissionRateLimit           submissions per client and window   default 20 (functions/shared/env.ts)
 *   lotse:submissionRateWindowSeconds   length of that window               default 300
 *   lotse:logLevel                      what functions log                  default WARN (as npm start)
 *   lotse:tableKey          aws-owned or customer-managed (a KMS key,            default "aws-owned"
 *                           $1 a month; see docs/deploy.md)
 *   lotse:credentialKey     parameter (Parameter Store, free) or kms (a KMS      default "parameter"
 *                           key, $1 a month) keeps the credential signing key
 *   lotse:retainData        cdk destroy keeps table, keys and user pool          default: true for stage "prod",
 *                                                                                 false for any other
 *   lotse:domainName        the app's own host name (lotse.your-organisation.org); optional, recommended:
 *   lotse:certificateArn    its ACM certificate, in us-east-1; both or neither   TLS 1.2+ (docs/deploy.md)
 *
 * The account comes from CDK_DEFAULT_ACCOUNT (set by the CLI from your credentials); without
 * credentials the stacks are account-agnostic, so synth works offline. See docs/deploy.md.
 */
import { createLotseApp } from './lotse-app.ts';

createLotseApp();
