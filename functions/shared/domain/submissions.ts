import { createHash } from 'node:crypto';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { FormDefinition } from '../contracts/form-definition.ts';
import { message } from '../i18n/messages.ts';
import {
  ConflictError,
  type FieldIssue,
  NotFoundError,
  TooManyRequestsError,
  ValidationError,
} from './errors.ts';
import { windowState } from './form-settings.ts';
import type { FormStore } from './forms.ts';

/**
 * Submitting a form: the answers are checked against the exact version the page was rendered
 * from, stored once (the page's submission id makes retries safe), and only then acknowledged.
 * The workflow is started later from the table's stream, never from here.
 */
export interface Submission {
  readonly submissionId: string;
  readonly receiptNumber: string;
  readonly formSlug: string;
  readonly formVersion: number;
  readonly workflow: string;
  readonly locale: string;
  readonly data: Record<string, unknown>;
  readonly consent: { readonly version: string; readonly acceptedAt: string; readonly locale: string };
  readonly receivedAt: string;
  /** Epoch seconds after which DynamoDB's TTL deletes the submission (the form's retention period). */
  readonly expiresAt: number;
  readonly payloadHash: string;
  readonly workflowStatus: 'pending' | 'started';
}

export interface SubmissionStore {
  /** Submissions counted against the form's limit so far. */
  receivedCount(slug: string): Promise<number>;
  get(submissionId: string): Promise<Submission | undefined>;
}

/** What one write of a new submission must hold to, checked by the store in the same write. */
export interface SubmissionWrite {
  readonly submission: Submission;
  /** The form's published version the decision was made on; 'changed' if another is published now. */
  readonly publishedVersion: number;
  /** Takes one of the form's seats (all versions) with the write; 'full' when none is left. */
  readonly maxSubmissions?: number | undefined;
  /** Counts the client's hit with the write; 'rate-limited' when over. Left out if counted already. */
  readonly rateLimitKey?: string;
}

/** Nothing is written unless 'created'; when several hold, the earliest in this list is told. */
export type WriteOutcome = 'created' | 'exists' | 'rate-limited' | 'changed' | 'full';

export interface SubmissionWriter {
  write(write: SubmissionWrite, now: Date): Promise<WriteOutcome>;
}

export interface RateLimiter {
  /** Counts a hit for the key; false when the key is over its limit in the current window. */
  allow(key: string, now: Date): Promise<boolean>;
}

export interface SubmitDeps {
  readonly forms: FormStore;
  readonly submissions: SubmissionStore;
  readonly writer: SubmissionWriter;
  readonly rateLimiter: RateLimiter;
  readonly compile: (schema: Record<string, unknown>) => ValidateFunction;
  readonly now: () => Date;
}

export interface SubmitRequest {
  readonly submissionId: string;
  readonly formVersion: number;
  readonly locale: string;
  readonly data: Record<string, unknown>;
  readonly consent: { readonly version: string };
}

export interface Receipt {
  readonly submissionId: string;
  readonly receiptNumber: string;
  readonly formSlug: string;
  readonly formVersion: number;
  readonly receivedAt: string;
}

export async function submit(
  deps: SubmitDeps,
  slug: string,
  request: SubmitRequest,
  clientKey: string,
): Promise<Receipt> {
  const now = deps.now();
  const rateLimitKey = `submit#${clientKey}`;
  return (
    (await submitAsPublished(deps, slug, request, rateLimitKey, now)) ??
    (await submitChecked(deps, slug, request, rateLimitKey, now))
  );
}

/**
 * The common case in one round trip: the page shows the published version, which a warm function
 * has cached (versions never change), and the answers are valid. The write itself checks what
 * was assumed: that version is still published, the client is under its rate limit, the id is new,
 * a seat is left. Anything else (undefined) goes the checked way, which answers as it always has.
 */
async function submitAsPublished(
  deps: SubmitDeps,
  slug: string,
  request: SubmitRequest,
  rateLimitKey: string,
  now: Date,
): Promise<Receipt | undefined> {
  const version = await deps.forms.getVersion(slug, request.formVersion);
  if (!version) return undefined;
  const { definition } = version;
  if (!definition.locales.includes(request.locale)) return undefined;
  if (windowState(definition.availability, now) !== 'open') return undefined;
  if (request.consent.version !== definition.consent.version) return undefined;
  if (!deps.compile(definition.schema)(request.data)) return undefined;
  const submission = newSubmission(slug, request, definition, now);
  const outcome = await deps.writer.write(
    {
      submission,
      publishedVersion: request.formVersion,
      maxSubmissions: definition.availability?.maxSubmissions,
      rateLimitKey,
    },
    now,
  );
  if (outcome === 'created') return toReceipt(submission);
  return outcome === 'exists' ? repeated(deps, slug, request) : undefined;
}

/**
 * Every rule in its order, on a fresh read of the form: the rate limit first (its own write), then
 * the form, the version, the published version's availability, consent and answers. The write
 * checks the published version again, so a publish in between is seen: decided again, at most
 * MAX_DECISIONS times.
 */
async function submitChecked(
  deps: SubmitDeps,
  slug: string,
  request: SubmitRequest,
  rateLimitKey: string,
  now: Date,
): Promise<Receipt> {
  const locale = request.locale;
  if (!(await deps.rateLimiter.allow(rateLimitKey, now)))
    throw new TooManyRequestsError(message('tooMany', locale));
  for (let attempt = 1; ; attempt++) {
    const decision = await decide(deps, slug, request, now);
    if ('receiptNumber' in decision) return decision;
    const outcome = await deps.writer.write(decision, now);
    if (outcome === 'created') return toReceipt(decision.submission);
    if (outcome === 'changed' && attempt < MAX_DECISIONS) continue;
    const earlier = await repeated(deps, slug, request);
    if (earlier) return earlier;
    if (outcome === 'full') throw new ConflictError(message('formFull', locale));
    if (outcome === 'changed') throw new ConflictError(message('formChanged', locale));
    throw new ConflictError(message('idConflict', locale));
  }
}

const MAX_DECISIONS = 3;

/** The write a request deserves under the form as it is now, or the receipt of its earlier sending. */
async function decide(
  deps: SubmitDeps,
  slug: string,
  request: SubmitRequest,
  now: Date,
): Promise<SubmissionWrite | Receipt> {
  const locale = request.locale;
  const summary = await deps.forms.getSummary(slug);
  if (!summary?.publishedVersion) throw new NotFoundError(message('formNotFound', locale));
  const version = await deps.forms.getVersion(slug, request.formVersion);
  if (!version) {
    throw new ValidationError([
      { field: 'formVersion', message: `form ${slug} has no version ${request.formVersion}` },
    ]);
  }
  const { definition } = version;
  if (!definition.locales.includes(locale)) {
    throw new ValidationError([
      { field: 'locale', message: `must be one of ${definition.locales.join(', ')}` },
    ]);
  }
  const isPublished = request.formVersion === summary.publishedVersion;
  // The published version's settings govern, also for a page still showing an earlier version.
  const { availability } = isPublished
    ? definition
    : ((await deps.forms.getVersion(slug, summary.publishedVersion))?.definition ?? definition);
  const window = windowState(availability, now);
  if (window !== 'open') {
    const earlier = await repeated(deps, slug, request);
    if (earlier) return earlier;
    throw new ConflictError(message(window === 'closed' ? 'formClosed' : 'formNotYetOpen', locale));
  }
  if (request.consent.version !== definition.consent.version)
    throw new ConflictError(message('consentChanged', locale));

  const validate = deps.compile(definition.schema);
  if (!validate(request.data)) {
    if (!isPublished) throw new ConflictError(message('formChanged', locale));
    throw new ValidationError(
      translateErrors(validate.errors ?? [], definition, locale),
      message('invalidAnswers', locale),
    );
  }
  return {
    submission: newSubmission(slug, request, definition, now),
    publishedVersion: summary.publishedVersion,
    maxSubmissions: availability?.maxSubmissions,
  };
}

function newSubmission(
  slug: string,
  request: SubmitRequest,
  definition: FormDefinition,
  now: Date,
): Submission {
  const receivedAt = now.toISOString();
  return {
    submissionId: request.submissionId,
    receiptNumber: receiptNumber(request.submissionId),
    formSlug: slug,
    formVersion: request.formVersion,
    workflow: definition.workflow,
    locale: request.locale,
    data: request.data,
    consent: { version: request.consent.version, acceptedAt: receivedAt, locale: request.locale },
    receivedAt,
    expiresAt: Math.floor(now.getTime() / 1000) + definition.retentionDays * 86_400,
    payloadHash: payloadHash(slug, request),
    workflowStatus: 'pending',
  };
}

/** The receipt of an earlier accepted sending of this very request: a retry gets it again. */
async function repeated(
  deps: SubmitDeps,
  slug: string,
  request: SubmitRequest,
): Promise<Receipt | undefined> {
  const existing = await deps.submissions.get(request.submissionId);
  return existing?.payloadHash === payloadHash(slug, request) ? toReceipt(existing) : undefined;
}

function toReceipt(submission: Submission): Receipt {
  const { submissionId, receiptNumber, formSlug, formVersion, receivedAt } = submission;
  return { submissionId, receiptNumber, formSlug, formVersion, receivedAt };
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A short number to quote on the phone, derived from the id so a retry gets the same one: `L-7K3M-9QX2`. */
export function receiptNumber(submissionId: string): string {
  const bits = BigInt(`0x${submissionId.replaceAll('-', '').slice(0, 10)}`);
  let text = '';
  for (let i = 7; i >= 0; i--) text += CROCKFORD[Number((bits >> BigInt(i * 5)) & 31n)];
  return `L-${text.slice(0, 4)}-${text.slice(4)}`;
}

function payloadHash(slug: string, request: SubmitRequest): string {
  return createHash('sha256')
    .update(
      stableJson({
        slug,
        version: request.formVersion,
        locale: request.locale,
        data: request.data,
        consent: request.consent.version,
      }),
    )
    .digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * ajv's errors as field issues in the visitor's language, looked up like the page does:
 * `<path>.error.<keyword>`, then `error.<keyword>`, in the locale, then in the default locale.
 */
export function translateErrors(
  errors: readonly ErrorObject[],
  definition: FormDefinition,
  locale: string,
): FieldIssue[] {
  const texts = {
    ...(definition.translations[definition.defaultLocale] ?? {}),
    ...(definition.translations[locale] ?? {}),
  };
  const issues = new Map<string, FieldIssue>();
  for (const error of errors) {
    if (error.keyword === 'if') continue; // the failing `then` branch reports the real problem
    const segments = error.instancePath.split('/').filter(Boolean);
    if (error.keyword === 'required')
      segments.push(String((error.params as { missingProperty: string }).missingProperty));
    const field = segments.join('.');
    const prefix = segments.filter((segment) => !/^\d+$/.test(segment)).join('.') || 'root';
    const text =
      texts[`${prefix}.error.${error.keyword}`] ??
      texts[`error.${error.keyword}`] ??
      (error.keyword === 'required' ? message('required', locale) : message('invalidValue', locale));
    if (!issues.has(field)) issues.set(field, { field, message: text });
  }
  return [...issues.values()];
}
