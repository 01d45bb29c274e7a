/**
 * What the local SES refuses, as the real one would: addresses it was told to refuse (permanently,
 * with the SES error given), unverified recipients when it plays an account in the sandbox, the
 * sandbox's 200 mails a day, and injected transient failures. Changeable while running (`/control`).
 */
export interface SesLocalOptions {
  /** Act as an account in the SES sandbox: only verified identities receive mail. @default false */
  readonly sandbox?: boolean;
  /** Verified identities for the sandbox: addresses or whole domains. The sender always counts as verified. */
  readonly verified?: readonly string[];
  /** Addresses refused for good, each with the SES error name to refuse with. @default 'MessageRejected' */
  readonly refuse?: Readonly<Record<string, string>>;
  /** The next N sends to an address fail with 503 ServiceUnavailable (the SDK itself retries twice). */
  readonly failNext?: Readonly<Record<string, number>>;
}

export interface SesRefusal {
  readonly status: number;
  readonly type: string;
  readonly message: string;
}

const SANDBOX_DAILY_QUOTA = 200;
const REGION = 'EU-CENTRAL-1';
const MESSAGES: Record<string, string> = {
  MessageRejected: 'Address blacklisted.',
  BadRequestException: 'Illegal address',
  AccountSuspendedException: 'Account suspended.',
  SendingPausedException: 'Sending paused for this account.',
};

export class SesPolicy {
  private sandbox = false;
  private verified = new Set<string>();
  private refused = new Map<string, string>();
  private failing = new Map<string, number>();
  private sent: number[] = [];

  constructor(options: SesLocalOptions = {}) {
    this.update(options);
  }

  update(options: SesLocalOptions): void {
    if (options.sandbox !== undefined) this.sandbox = options.sandbox;
    if (options.verified) this.verified = new Set(options.verified.map(normalise));
    if (options.refuse)
      this.refused = new Map(Object.entries(options.refuse).map(([a, type]) => [normalise(a), type]));
    if (options.failNext)
      this.failing = new Map(Object.entries(options.failNext).map(([a, n]) => [normalise(a), n]));
  }

  snapshot() {
    return {
      sandbox: this.sandbox,
      verified: [...this.verified],
      refuse: Object.fromEntries(this.refused),
      failNext: Object.fromEntries(this.failing),
      sentLast24Hours: this.sentLast24Hours(),
    };
  }

  /** Why SES would not take this message, or undefined when it would. */
  check(from: string | undefined, recipients: readonly string[], now = Date.now()): SesRefusal | undefined {
    for (const recipient of recipients.map(normalise)) {
      const failures = this.failing.get(recipient) ?? 0;
      if (failures > 0) {
        this.failing.set(recipient, failures - 1);
        return { status: 503, type: 'ServiceUnavailable', message: 'Service unavailable (local SES)' };
      }
      const type = this.refused.get(recipient);
      if (type) return { status: 400, type, message: MESSAGES[type] ?? 'Message rejected.' };
    }
    if (!this.sandbox) return undefined;
    const unverified = recipients.filter((r) => !this.isVerified(r, from));
    if (unverified.length > 0)
      return {
        status: 400,
        type: 'MessageRejected',
        message: `Email address is not verified. The following identities failed the check in region ${REGION}: ${unverified.join(', ')}`,
      };
    if (this.sentLast24Hours(now) >= SANDBOX_DAILY_QUOTA)
      return { status: 400, type: 'ThrottlingException', message: 'Daily message quota exceeded.' };
    return undefined;
  }

  recordSent(now = Date.now()): void {
    this.sent.push(now);
  }

  /** What GetAccount answers: a sandboxed account has no production access and 200 mails a day. */
  account() {
    return {
      DedicatedIpAutoWarmupEnabled: false,
      Details: {
        AdditionalContactEmailAddresses: [],
        ContactLanguage: 'EN',
        MailType: 'TRANSACTIONAL',
        ReviewDetails: { CaseId: 'local', Status: this.sandbox ? 'PENDING' : 'GRANTED' },
        UseCaseDescription: 'Lotse local runtime',
        WebsiteURL: 'http://127.0.0.1',
      },
      EnforcementStatus: 'HEALTHY',
      ProductionAccessEnabled: !this.sandbox,
      SendingEnabled: true,
      SendQuota: this.sandbox
        ? { Max24HourSend: SANDBOX_DAILY_QUOTA, MaxSendRate: 1, SentLast24Hours: this.sentLast24Hours() }
        : { Max24HourSend: 50000, MaxSendRate: 100, SentLast24Hours: this.sentLast24Hours() },
      SuppressionAttributes: { SuppressedReasons: [] },
    };
  }

  private isVerified(recipient: string, from: string | undefined): boolean {
    const address = normalise(recipient);
    const domain = address.split('@')[1] ?? '';
    return this.verified.has(address) || this.verified.has(domain) || address === normalise(from ?? '');
  }

  private sentLast24Hours(now = Date.now()): number {
    this.sent = this.sent.filter((at) => at > now - 86_400_000);
    return this.sent.length;
  }
}

/** `LOTSE_SES_SANDBOX=1`, `LOTSE_SES_VERIFIED=a@x,example.org`, `LOTSE_SES_REFUSE=b@y,c@z=BadRequestException`. */
export function sesOptionsFromEnv(env: NodeJS.ProcessEnv): SesLocalOptions {
  const list = (value: string | undefined) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  return {
    sandbox: ['1', 'true', 'yes'].includes((env.LOTSE_SES_SANDBOX ?? '').toLowerCase()),
    verified: list(env.LOTSE_SES_VERIFIED),
    refuse: Object.fromEntries(
      list(env.LOTSE_SES_REFUSE).map((item) => {
        const [address = '', type = 'MessageRejected'] = item.split('=');
        return [address, type];
      }),
    ),
  };
}

const normalise = (address: string) => address.trim().toLowerCase();
