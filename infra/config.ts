import type { Node } from 'constructs';
import { defaultLogLevel, type LogLevel, logLevels } from '../functions/shared/logger.ts';

/**
 * Deployment configuration, read once from CDK context (`-c key=value`, cdk.json or
 * cdk.context.json). See infra/app.ts for the list of keys and docs/deploy.md for how to set them.
 */
export interface LotseConfig {
  /** Name prefix of every stack and named resource, so several stages fit in one account. */
  readonly stage: string;
  readonly region: string;
  /** Undefined when synthesizing without credentials; the stacks are then account-agnostic. */
  readonly account: string | undefined;
  /** Sender address of every e-mail; its domain becomes the SES identity (DKIM). */
  readonly mailFrom: string;
  /** True when no sender was configured and a placeholder is used (synth only, never deploy). */
  /**
   * Why no mail from this sender could ever be delivered (no sender set, or a domain reserved for
   * examples and tests, RFC 2606 / 6761), or undefined for a real one. Such a stack synthesizes but
   * cannot be deployed (infra/lotse-app.ts).
   */
  readonly mailFromUndeliverable: string | undefined;
  readonly organisationName: string;
  /** Where alarms are e-mailed; without it no alarms are created. */
  readonly alarmEmail: string | undefined;
  /** Receives the digest of applications that need attention; defaults to alarmEmail. */
  readonly adminEmail: string | undefined;
  /** Submissions one client may send per window; undefined: the handler's default. */
  readonly submissionRateLimit: number | undefined;
  /** Length of that window in seconds; undefined: the handler's default. */
  readonly submissionRateWindowSeconds: number | undefined;
  /** What every function logs; the same default as `npm start` (functions/shared/logger.ts). */
  readonly logLevel: LogLevel;
  /**
   * Which key encrypts the table: `aws-owned` (default, free) or `customer-managed` (a KMS key of
   * the organisation's own: its key policy, a CloudTrail record of each use, and a switch that makes
   * all data unreadable at once; $1 a month, $1 more for each of its first two yearly rotations).
   */
  readonly tableKey: TableKeyChoice;
  /**
   * Whether the table, its key, the credential signing key and the user pool outlive the stack
   * (`cdk destroy` leaves them, with deletion protection on). Default: yes for the stage `prod`, no
   * for any other stage, so destroying a test stage leaves nothing that keeps billing.
   */
  readonly retainData: boolean;
  /**
   * What keeps the key that signs certificate credentials: `parameter` (default, free: a private
   * JWK in a Parameter Store SecureString, made on first use, readable only by the certifying
   * function) or `kms` (an asymmetric KMS key whose private half never leaves KMS; $1 a month).
   */
  readonly credentialKey: CredentialKeyChoice;
  /** The app's own host name and its certificate; undefined: the distribution's `*.cloudfront.net` name. */
  readonly customDomain: CustomDomain | undefined;
}

export const credentialKeyChoices = ['parameter', 'kms'] as const;
export type CredentialKeyChoice = (typeof credentialKeyChoices)[number];

/**
 * A host name of the organisation's own for the web app, e.g. `lotse.your-organisation.org`, and an
 * ACM certificate for it. CloudFront uses certificates from us-east-1 only, whatever the stack's region.
 */
export interface CustomDomain {
  readonly domainName: string;
  /** `arn:aws:acm:us-east-1:<account>:certificate/<id>` */
  readonly certificateArn: string;
}

/** The one region whose ACM certificates CloudFront can use. */
export const certificateRegion = 'us-east-1';

export const tableKeyChoices = ['aws-owned', 'customer-managed'] as const;
export type TableKeyChoice = (typeof tableKeyChoices)[number];

export const contextKeys = {
  stage: 'lotse:stage',
  region: 'lotse:region',
  mailFrom: 'lotse:mailFrom',
  organisationName: 'lotse:organisationName',
  alarmEmail: 'lotse:alarmEmail',
  adminEmail: 'lotse:adminEmail',
  submissionRateLimit: 'lotse:submissionRateLimit',
  submissionRateWindowSeconds: 'lotse:submissionRateWindowSeconds',
  logLevel: 'lotse:logLevel',
  tableKey: 'lotse:tableKey',
  retainData: 'lotse:retainData',
  credentialKey: 'lotse:credentialKey',
  domainName: 'lotse:domainName',
  certificateArn: 'lotse:certificateArn',
} as const;

/** The stage whose data is kept when its stacks are destroyed, unless lotse:retainData says otherwise. */
export const retainedStage = 'prod';

/** Used when lotse:mailFrom is missing, so `cdk synth` works on a fresh checkout. Reserved domain (RFC 2606). */
export const placeholderMailFrom = 'lotse@example.org';

/** Domains no mail is ever delivered to: RFC 2606 and RFC 6761 names for examples and tests. */
const reservedDomain = /(^|\.)(example(\.(com|net|org))?|test|invalid|localhost|local)$/i;

/** The domain of a sender address, lower case: what SES verifies (with DKIM) and signs for. */
export const senderDomain = (mailFrom: string): string =>
  mailFrom.slice(mailFrom.lastIndexOf('@') + 1).toLowerCase();

export function undeliverableSender(mailFrom: string | undefined): string | undefined {
  if (mailFrom === undefined) return 'no sender is set';
  const domain = senderDomain(mailFrom);
  return reservedDomain.test(domain)
    ? `${domain} is reserved for examples and tests, no mail from it can be delivered`
    : undefined;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const stagePattern = /^[a-z][a-z0-9-]{0,19}$/;
const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d$/;
/** A fully qualified host name: two or more labels of letters, digits and inner hyphens. */
const domainNamePattern =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
const certificateArnPattern = /^arn:aws:acm:([a-z0-9-]+):\d{12}:certificate\/[0-9a-f-]{36}$/;

/** Reads and validates the configuration; throws one error that lists every bad key and how to fix it. */
export function readConfig(node: Node, env: NodeJS.ProcessEnv = process.env): LotseConfig {
  const problems: string[] = [];
  const text = (key: string): string | undefined => {
    const value: unknown = node.tryGetContext(key);
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') {
      problems.push(`${key} must be a string, got ${JSON.stringify(value)}`);
      return undefined;
    }
    return value.trim();
  };

  const stage = text(contextKeys.stage) ?? 'prod';
  if (!stagePattern.test(stage)) {
    problems.push(
      `${contextKeys.stage} "${stage}" must start with a lowercase letter and use only a-z, 0-9 and "-" (at most 20 characters), e.g. -c ${contextKeys.stage}=test`,
    );
  }

  // The project's context wins over the profile's region, so a deploy cannot land elsewhere by accident.
  const region = text(contextKeys.region) ?? env.CDK_DEFAULT_REGION ?? 'eu-central-1';
  if (!regionPattern.test(region)) {
    problems.push(`${contextKeys.region} "${region}" is not an AWS region name such as eu-central-1`);
  }

  const configuredMailFrom = text(contextKeys.mailFrom);
  if (configuredMailFrom !== undefined && !emailPattern.test(configuredMailFrom)) {
    problems.push(
      `${contextKeys.mailFrom} "${configuredMailFrom}" is not an e-mail address; use the sender, e.g. -c ${contextKeys.mailFrom}=lotse@your-organisation.org`,
    );
  }

  const alarmEmail = text(contextKeys.alarmEmail);
  if (alarmEmail !== undefined && !emailPattern.test(alarmEmail)) {
    problems.push(`${contextKeys.alarmEmail} "${alarmEmail}" is not an e-mail address`);
  }

  const adminEmail = text(contextKeys.adminEmail) ?? alarmEmail;
  if (adminEmail !== undefined && !emailPattern.test(adminEmail)) {
    problems.push(`${contextKeys.adminEmail} "${adminEmail}" is not an e-mail address`);
  }

  // `-c key=value` gives strings, cdk.json numbers: both are fine.
  const positiveInteger = (key: string): number | undefined => {
    const value: unknown = node.tryGetContext(key);
    if (value === undefined || value === null || value === '') return undefined;
    const parsed =
      typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || parsed < 1) {
      problems.push(`${key} must be a whole number of at least 1, got ${JSON.stringify(value)}`);
      return undefined;
    }
    return parsed;
  };
  const submissionRateLimit = positiveInteger(contextKeys.submissionRateLimit);
  const submissionRateWindowSeconds = positiveInteger(contextKeys.submissionRateWindowSeconds);

  const organisationName = text(contextKeys.organisationName) ?? 'Lotse';
  if (organisationName.length > 100) {
    problems.push(`${contextKeys.organisationName} is longer than 100 characters`);
  }

  const logLevel = (text(contextKeys.logLevel)?.toUpperCase() ?? defaultLogLevel) as LogLevel;
  if (!logLevels.includes(logLevel)) {
    problems.push(`${contextKeys.logLevel} "${logLevel}" must be one of ${logLevels.join(', ')}`);
  }

  const tableKey = (text(contextKeys.tableKey) ?? 'aws-owned') as TableKeyChoice;
  if (!tableKeyChoices.includes(tableKey)) {
    problems.push(`${contextKeys.tableKey} "${tableKey}" must be one of ${tableKeyChoices.join(', ')}`);
  }

  const retainSetting: unknown = node.tryGetContext(contextKeys.retainData);
  let retainData = stage === retainedStage;
  if (retainSetting === true || retainSetting === 'true') retainData = true;
  else if (retainSetting === false || retainSetting === 'false') retainData = false;
  else if (retainSetting !== undefined && retainSetting !== null && retainSetting !== '') {
    problems.push(`${contextKeys.retainData} must be true or false, got ${JSON.stringify(retainSetting)}`);
  }

  const credentialKey = (text(contextKeys.credentialKey) ?? 'parameter') as CredentialKeyChoice;
  if (!credentialKeyChoices.includes(credentialKey)) {
    problems.push(
      `${contextKeys.credentialKey} "${credentialKey}" must be one of ${credentialKeyChoices.join(', ')}`,
    );
  }
  const customDomain = readCustomDomain(
    text(contextKeys.domainName),
    text(contextKeys.certificateArn),
    problems,
  );

  if (problems.length > 0) {
    throw new Error(`Invalid Lotse configuration:\n  - ${problems.join('\n  - ')}\nSee docs/deploy.md.`);
  }

  return {
    stage,
    region,
    account: env.CDK_DEFAULT_ACCOUNT || undefined,
    mailFrom: configuredMailFrom ?? placeholderMailFrom,
    mailFromUndeliverable: undeliverableSender(configuredMailFrom),
    organisationName,
    alarmEmail,
    adminEmail,
    submissionRateLimit,
    submissionRateWindowSeconds,
    logLevel,
    tableKey,
    retainData,
    credentialKey,
    customDomain,
  };
}

/** Both keys or neither: a domain without a certificate cannot be served, a certificate alone names no domain. */
function readCustomDomain(
  domainName: string | undefined,
  certificateArn: string | undefined,
  problems: string[],
): CustomDomain | undefined {
  const { domainName: domainKey, certificateArn: certificateKey } = contextKeys;
  const before = problems.length;
  if (domainName !== undefined && !domainNamePattern.test(domainName.toLowerCase())) {
    problems.push(
      `${domainKey} "${domainName}" is not a host name; give the name alone, without https:// or a path, e.g. -c ${domainKey}=lotse.your-organisation.org`,
    );
  }
  if (certificateArn !== undefined) {
    const region = certificateArnPattern.exec(certificateArn)?.[1];
    if (region === undefined) {
      problems.push(
        `${certificateKey} "${certificateArn}" is not the ARN of an ACM certificate, such as arn:aws:acm:${certificateRegion}:123456789012:certificate/<id> (ACM console, the certificate's details)`,
      );
    } else if (region !== certificateRegion) {
      problems.push(
        `${certificateKey} is a certificate in ${region}, but CloudFront uses certificates from ${certificateRegion} only; request one for the domain in ${certificateRegion}`,
      );
    }
  }
  if (domainName !== undefined && certificateArn === undefined) {
    problems.push(
      `${certificateKey} is missing: ${domainKey} needs an ACM certificate for that name in ${certificateRegion} (docs/deploy.md, "Your own domain")`,
    );
  }
  if (certificateArn !== undefined && domainName === undefined) {
    problems.push(`${domainKey} is missing: ${certificateKey} needs the host name it was issued for`);
  }
  if (problems.length > before || domainName === undefined || certificateArn === undefined) return undefined;
  return { domainName: domainName.toLowerCase(), certificateArn };
}
