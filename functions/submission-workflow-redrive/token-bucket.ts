/**
 * A client-side token bucket in the shape of Step Functions' own StartExecution quota, so a large
 * backlog goes out as fast as the service accepts it instead of in a burst it would throttle.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  /** Waits until a token is free and takes it. */
  async take(): Promise<void> {
    for (;;) {
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.sleep(Math.ceil(((1 - this.tokens) / this.perSecond) * 1000));
    }
  }

  /** The service said "too fast": whatever we thought was left is not. */
  empty(): void {
    this.refill();
    this.tokens = Math.min(this.tokens, 0);
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }
}

/**
 * Step Functions Standard, StartExecution, per account and Region: bucket 1,300 refilled at 300/s
 * in us-east-1, us-west-2 and eu-west-1; 800 at 150/s everywhere else (Step Functions service
 * quotas, "Quotas related to API action throttling"). The account shares it with every other
 * caller, so ThrottlingException is still expected and backed off from.
 */
export function startExecutionQuota(region: string | undefined): { burst: number; perSecond: number } {
  return ['us-east-1', 'us-west-2', 'eu-west-1'].includes(region ?? '')
    ? { burst: 1300, perSecond: 300 }
    : { burst: 800, perSecond: 150 };
}
