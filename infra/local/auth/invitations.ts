import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** How long an invitation link holds, like the temporary password of a Cognito invitation. */
export const INVITATION_VALIDITY_MS = 7 * 24 * 3600 * 1000;

interface StoredInvitation {
  /** SHA-256 of the token: the file never holds a link that works. */
  readonly tokenHash: string;
  readonly username: string;
  readonly expiresAt: number;
  usedAt?: number;
}

export type InvitationCheck =
  | { readonly ok: true; readonly username: string }
  | { readonly ok: false; readonly reason: 'unknown' | 'used' | 'expired' };

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Single-use links that let an invited person set their password. Issuing a new one for a person
 * voids the previous (a resent invitation), so only the newest mail works.
 */
export class InvitationStore {
  private invitations: StoredInvitation[];

  constructor(
    private readonly file: string,
    private readonly now: () => number,
  ) {
    this.invitations = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as StoredInvitation[]) : [];
  }

  issue(username: string): { token: string; expiresAt: number } {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.now() + INVITATION_VALIDITY_MS;
    this.invitations = this.invitations.filter(
      (invitation) =>
        invitation.username !== username && invitation.expiresAt > this.now() - INVITATION_VALIDITY_MS,
    );
    this.invitations.push({ tokenHash: digest(token), username, expiresAt });
    this.save();
    return { token, expiresAt };
  }

  check(token: string): InvitationCheck {
    const found = this.invitations.find((invitation) => invitation.tokenHash === digest(token));
    if (!found) return { ok: false, reason: 'unknown' };
    if (found.usedAt !== undefined) return { ok: false, reason: 'used' };
    if (found.expiresAt <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, username: found.username };
  }

  /** Marks the link used; false when it was not valid any more (a second tab, a replay). */
  consume(token: string): boolean {
    const found = this.invitations.find((invitation) => invitation.tokenHash === digest(token));
    if (!found || found.usedAt !== undefined || found.expiresAt <= this.now()) return false;
    found.usedAt = this.now();
    this.save();
    return true;
  }

  private save(): void {
    writeFileSync(this.file, JSON.stringify(this.invitations, null, 2), { mode: 0o600 });
  }
}
