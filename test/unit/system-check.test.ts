import { describe, expect, it } from 'vitest';
import { ConflictError, GoneError, ValidationError } from '../../functions/shared/domain/errors.ts';
import {
  codeMatches,
  confirmCheck,
  createCheck,
  hashCode,
  MAX_CODE_ATTEMPTS,
  newCode,
  type SystemCheck,
  type SystemCheckStore,
  type Workflow,
} from '../../functions/shared/domain/system-check.ts';

/** In-memory stand-ins for the ports: plain objects, no AWS involved. */
function fakes() {
  const checks = new Map<string, SystemCheck>();
  const started: string[] = [];
  const resumed: string[] = [];
  const store: SystemCheckStore = {
    async create(check) {
      if (checks.has(check.checkId)) return false;
      checks.set(check.checkId, check);
      return true;
    },
    async get(id) {
      return checks.get(id);
    },
    async park(id, taskToken, codeHash, now) {
      checks.set(id, {
        ...(checks.get(id) as SystemCheck),
        taskToken,
        codeHash,
        status: 'waiting',
        updatedAt: now,
        failedAttempts: 0,
      });
    },
    async markConfirmed(id, now) {
      const check = checks.get(id) as SystemCheck;
      if (check.status !== 'waiting') return false;
      checks.set(id, { ...check, status: 'confirmed', updatedAt: now });
      return true;
    },
    async recordFailedAttempt(id) {
      const check = checks.get(id) as SystemCheck;
      checks.set(id, { ...check, failedAttempts: check.failedAttempts + 1 });
    },
    async finish(id, outcome, now) {
      checks.set(id, { ...(checks.get(id) as SystemCheck), status: outcome, finishedAt: now });
    },
  };
  const workflow: Workflow = {
    async start(id) {
      started.push(id);
    },
    async resume(token) {
      resumed.push(token);
    },
  };
  let n = 0;
  const deps = { store, workflow, now: () => new Date('2026-11-22T10:00:00Z'), newId: () => `id-${++n}` };
  return { deps, checks, started, resumed };
}

describe('system check use cases', () => {
  it('creates a pending check and starts its workflow with the id', async () => {
    const { deps, started } = fakes();
    const check = await createCheck(deps, { recipient: 'a@example.org', locale: 'de' });
    expect(check).toMatchObject({ checkId: 'id-1', status: 'pending', failedAttempts: 0 });
    expect(started).toEqual(['id-1']);
  });

  it('treats a repeated create with the same id as the same check, but refuses another recipient', async () => {
    const { deps, started } = fakes();
    await createCheck(deps, { recipient: 'a@example.org', locale: 'de', checkId: 'fixed' });
    const again = await createCheck(deps, { recipient: 'a@example.org', locale: 'de', checkId: 'fixed' });
    expect(again.checkId).toBe('fixed');
    expect(started).toEqual(['fixed', 'fixed']);
    await expect(
      createCheck(deps, { recipient: 'b@example.org', locale: 'de', checkId: 'fixed' }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it('confirms with the right code and resumes the workflow with the stored token', async () => {
    const { deps, resumed } = fakes();
    const { checkId } = await createCheck(deps, { recipient: 'a@example.org', locale: 'de' });
    await deps.store.park(checkId, 'token-1', hashCode('ABCD2345'), 'now');
    const confirmed = await confirmCheck(deps, checkId, 'abcd2345 ');
    expect(confirmed.status).toBe('confirmed');
    expect(resumed).toEqual(['token-1']);
  });

  it('refuses a wrong code naming the field, and locks after too many attempts', async () => {
    const { deps, resumed } = fakes();
    const { checkId } = await createCheck(deps, { recipient: 'a@example.org', locale: 'de' });
    await deps.store.park(checkId, 'token-1', hashCode('ABCD2345'), 'now');
    for (let i = 0; i < MAX_CODE_ATTEMPTS; i++) {
      await expect(confirmCheck(deps, checkId, 'WRONG234')).rejects.toMatchObject({
        issues: [{ field: 'code' }],
      });
    }
    await expect(confirmCheck(deps, checkId, 'ABCD2345')).rejects.toBeInstanceOf(ConflictError);
    expect(resumed).toEqual([]);
  });

  it('answers an expired check with Gone and an unparked one with Conflict', async () => {
    const { deps, checks } = fakes();
    const { checkId } = await createCheck(deps, { recipient: 'a@example.org', locale: 'de' });
    await expect(confirmCheck(deps, checkId, 'ABCD2345')).rejects.toBeInstanceOf(ConflictError);
    checks.set(checkId, { ...(checks.get(checkId) as SystemCheck), status: 'expired' });
    await expect(confirmCheck(deps, checkId, 'ABCD2345')).rejects.toBeInstanceOf(GoneError);
  });

  it('makes codes of 8 unambiguous characters and compares them by hash', () => {
    const codes = new Set(Array.from({ length: 200 }, newCode));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(codeMatches('ABCD2345', hashCode('ABCD2345'))).toBe(true);
    expect(codeMatches('ABCD2346', hashCode('ABCD2345'))).toBe(false);
    expect(new ValidationError([]).status).toBe(400);
  });
});
