/**
 * AWS list prices in eu-central-1 (Frankfurt), in US dollars, as published on each service's
 * pricing page (aws.amazon.com/<service>/pricing) and in the AWS Pricing Calculator, read for the
 * 2025 price lists (DynamoDB on-demand after the November 2024 reduction). Prices change: check
 * them before quoting a figure, and change them here only, with the date.
 */
export const PRICES_AS_OF = '2025 price lists (DynamoDB on-demand from 2024-11-01), eu-central-1';

export const prices = {
  lambda: {
    /** arm64 (Graviton), first 7.5 billion GB-s a month. */
    perGbSecond: 0.0000133334,
    perMillionRequests: 0.2,
  },
  apiGateway: { perMillionHttpRequests: 1.2 },
  stepFunctions: { perThousandStandardTransitions: 0.025 },
  ses: { perThousandMails: 0.1, perGbSent: 0.12 },
  dynamodb: {
    perMillionWriteUnits: 0.7625,
    perMillionReadUnits: 0.1525,
    storagePerGbMonth: 0.306,
    pitrPerGbMonth: 0.2448,
    /** Only for readers other than Lambda triggers: Lambda's GetRecords on a table's stream are free. */
    streamsPerHundredThousandReads: 0.0228,
  },
  cloudWatch: {
    /** Standard resolution: per metric in an alarm (a metric-math alarm pays for each metric it reads). */
    perAlarmMetricMonth: 0.1,
    perCustomMetricMonth: 0.3,
    logsIngestedPerGb: 0.63,
    logsStoredPerGbMonth: 0.0324,
  },
  kms: {
    perKeyMonth: 1,
    /** Each of the first two automatic rotations of a key adds a key-month; later ones are free. */
    perRotationMonth: 1,
    perTenThousandSymmetricRequests: 0.03,
    perTenThousandEccSignRequests: 0.15,
  },
  cloudFront: {
    /** Europe, first 10 TB a month. */
    perGbOut: 0.085,
    perTenThousandHttpsRequests: 0.012,
  },
  s3: { storagePerGbMonth: 0.0245, perThousandGets: 0.00043, perThousandPuts: 0.0054 },
  /** The user pool runs the Plus feature plan (threat protection): no free tier on Plus. */
  cognito: { plusPerMau: 0.02, essentialsPerMau: 0.015 },
  xray: { perMillionTracesRecorded: 5 },
  sns: { perHundredThousandEmailNotifications: 2 },
  secretsManager: { perSecretMonth: 0.4 },
  waf: { perWebAclMonth: 5, perRuleMonth: 1, perMillionRequests: 0.6 },
} as const;

/**
 * The free tiers that never expire (not the 12-month ones for new accounts). Figures are printed
 * without them first: an organisation's account may already use them for other things.
 */
export const alwaysFree = {
  lambdaRequests: 1_000_000,
  lambdaGbSeconds: 400_000,
  stepFunctionsTransitions: 4_000,
  dynamodbStorageGb: 25,
  dynamodbStreamReads: 2_500_000,
  cloudWatchAlarmMetrics: 10,
  cloudWatchCustomMetrics: 10,
  cloudWatchLogsGb: 5,
  kmsRequests: 20_000,
  cloudFrontGb: 1_000,
  cloudFrontRequests: 10_000_000,
  xrayTraces: 100_000,
  snsEmailNotifications: 1_000,
} as const;

/** Not always free, so never subtracted: SES (3,000 mails a month in the first 12 months only), API Gateway (12 months), Cognito Plus (none). */
export const notAlwaysFree = ['SES', 'API Gateway HTTP API', 'Cognito Plus', 'KMS keys', 'PITR'] as const;
