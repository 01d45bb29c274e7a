/**
 * Failed password attempts per username, as Cognito counts them: after `maxFailures` in a row the
 * username is locked for `lockMs`, whatever password comes next, so guessing is slow even for an
 * attacker who rotates addresses. A success clears the count. In memory: a restart forgives.
 */
export class SignInLockout {
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();

  constructor(
    private readonly maxFailures = 5,
    private readonly lockMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  isLocked(username: string): boolean {
    return (this.failures.get(key(username))?.lockedUntil ?? 0) > this.now();
  }

  recordFailure(username: string): void {
    const entry = this.failures.get(key(username)) ?? { count: 0, lockedUntil: 0 };
    const count = entry.lockedUntil > 0 && entry.lockedUntil <= this.now() ? 1 : entry.count + 1;
    this.failures.set(key(username), {
      count,
      lockedUntil: count >= this.maxFailures ? this.now() + this.lockMs : 0,
    });
  }

  recordSuccess(username: string): void {
    this.failures.delete(key(username));
  }
}

const key = (username: string) => username.trim().toLowerCase();
