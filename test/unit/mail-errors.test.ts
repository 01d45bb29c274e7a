import { describe, expect, it } from 'vitest';
import { classifyMailError } from '../../functions/shared/adapters/mailer.ts';
import { readWorkflow, stateMachineIds } from '../../functions/shared/definitions/state-machines.ts';
import { SesPolicy, sesOptionsFromEnv } from '../../infra/local/ses/policy.ts';

const sesError = (name: string, message = '', httpStatusCode?: number) =>
  Object.assign(new Error(message), { name, ...(httpStatusCode ? { $metadata: { httpStatusCode } } : {}) });

describe('classifying SES errors', () => {
  it.each([
    ['MessageRejected', 400],
    ['BadRequestException', 400],
  ])('%s refuses this recipient for good', (name, status) => {
    expect(classifyMailError(sesError(name, 'Illegal address', status), 'lotse@example.org')).toBe(
      'recipient',
    );
  });

  it.each([
    'AccountSuspendedException',
    'SendingPausedException',
    'MailFromDomainNotVerifiedException',
    'NotFoundException',
    'LimitExceededException',
  ])('%s concerns the whole account', (name) => {
    expect(classifyMailError(sesError(name, '', 400))).toBe('account');
  });

  it('counts a "not verified" rejection of our own sender as the account, not the recipient', () => {
    const error = sesError(
      'MessageRejected',
      'Email address is not verified. The following identities failed the check in region EU-CENTRAL-1: Lotse@Example.org',
      400,
    );
    expect(classifyMailError(error, 'lotse@example.org')).toBe('account');
    const recipient = sesError(
      'MessageRejected',
      'Email address is not verified. The following identities failed the check in region EU-CENTRAL-1: x@y.org',
      400,
    );
    expect(classifyMailError(recipient, 'lotse@example.org')).toBe('recipient');
  });

  it('counts refused credentials as the account', () => {
    expect(classifyMailError(sesError('UnrecognizedClientException', '', 403))).toBe('account');
  });

  it.each([
    ['TooManyRequestsException', 429],
    ['ThrottlingException', 400],
    ['InternalFailure', 500],
    ['ServiceUnavailable', 503],
    ['TimeoutError', undefined],
    ['ECONNRESET', undefined],
    ['SomethingNew', undefined],
  ])('%s is transient and left to the workflow to retry', (name, status) => {
    expect(classifyMailError(sesError(name, 'Daily message quota exceeded', status))).toBe('transient');
  });

  it('treats a thrown non-error as transient', () => {
    expect(classifyMailError('boom')).toBe('transient');
  });
});

describe('the workflows', () => {
  /** Every Retry's error names, in every state, nested ones included. */
  const retriedErrors = (node: unknown): string[][] => {
    if (!node || typeof node !== 'object') return [];
    return Object.entries(node).flatMap(([key, value]) =>
      key === 'Retry' && Array.isArray(value)
        ? value.map((retry: { ErrorEquals: string[] }) => retry.ErrorEquals)
        : retriedErrors(value),
    );
  };

  it.each(stateMachineIds)('%s retries transient mail errors and never a refusal', (id) => {
    const lists = retriedErrors(JSON.parse(readWorkflow(id)));
    expect(lists.length).toBeGreaterThan(0);
    for (const list of lists) {
      expect(list).not.toContain('MailRefused');
      expect(list).not.toContain('MailAccountBlocked');
      // A state that sends mail names the transient error, so no catch-all retries a refusal.
      if (list.includes('MailDeliveryError')) {
        expect(list).not.toContain('States.ALL');
        expect(list).not.toContain('States.TaskFailed');
      }
    }
    expect(lists.some((list) => list.includes('MailDeliveryError'))).toBe(true);
  });
});

describe('the local SES policy', () => {
  it('refuses a listed address with the error it was given, whatever its case', () => {
    const policy = new SesPolicy({ refuse: { 'Bad@Example.org': 'BadRequestException' } });
    expect(policy.check('lotse@example.org', ['bad@example.org'])).toMatchObject({
      status: 400,
      type: 'BadRequestException',
    });
    expect(policy.check('lotse@example.org', ['good@example.org'])).toBeUndefined();
  });

  it('in the sandbox lets only verified addresses and domains receive, and reports no production access', () => {
    const policy = new SesPolicy({ sandbox: true, verified: ['a@x.org', 'team.org'] });
    expect(policy.check('lotse@example.org', ['a@x.org', 'b@team.org', 'lotse@example.org'])).toBeUndefined();
    const refusal = policy.check('lotse@example.org', ['a@x.org', 'c@y.org']);
    expect(refusal?.type).toBe('MessageRejected');
    expect(refusal?.message).toContain('Email address is not verified');
    expect(policy.account()).toMatchObject({
      ProductionAccessEnabled: false,
      SendQuota: { Max24HourSend: 200 },
    });
    policy.update({ sandbox: false });
    expect(policy.check('lotse@example.org', ['c@y.org'])).toBeUndefined();
    expect(policy.account().ProductionAccessEnabled).toBe(true);
  });

  it('stops at the sandbox quota of 200 mails in 24 hours', () => {
    const policy = new SesPolicy({ sandbox: true, verified: ['x.org'] });
    const now = Date.now();
    for (let i = 0; i < 200; i++) policy.recordSent(now);
    expect(policy.check(undefined, ['a@x.org'], now)?.type).toBe('ThrottlingException');
    expect(policy.check(undefined, ['a@x.org'], now + 86_400_001)).toBeUndefined();
  });

  it('fails the next sends to an address transiently, then delivers', () => {
    const policy = new SesPolicy({ failNext: { 'a@x.org': 2 } });
    expect(policy.check(undefined, ['a@x.org'])?.status).toBe(503);
    expect(policy.check(undefined, ['a@x.org'])?.status).toBe(503);
    expect(policy.check(undefined, ['a@x.org'])).toBeUndefined();
  });

  it('reads its options from LOTSE_SES_* variables', () => {
    expect(
      sesOptionsFromEnv({
        LOTSE_SES_SANDBOX: '1',
        LOTSE_SES_VERIFIED: 'a@x.org, team.org',
        LOTSE_SES_REFUSE: 'b@y.org,c@z.org=BadRequestException',
      }),
    ).toEqual({
      sandbox: true,
      verified: ['a@x.org', 'team.org'],
      refuse: { 'b@y.org': 'MessageRejected', 'c@z.org': 'BadRequestException' },
    });
    expect(sesOptionsFromEnv({})).toEqual({ sandbox: false, verified: [], refuse: {} });
  });
});
