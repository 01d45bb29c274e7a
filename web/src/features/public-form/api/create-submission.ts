import { fetchWithTimeout, readJson } from './fetch-with-timeout.ts';
import type { ApiErrorBody, SubmissionReceipt, SubmissionRequest } from './types.ts';

export interface FieldIssue {
  readonly field: string;
  readonly message: string;
}

/** Every way a POST can end, each with what the page needs to tell the visitor. */
export type SubmitOutcome =
  | { readonly kind: 'accepted'; readonly receipt: SubmissionReceipt }
  | {
      readonly kind: 'invalid';
      readonly issues: readonly FieldIssue[];
      readonly message?: string;
      readonly correlationId?: string;
    }
  | { readonly kind: 'outdated'; readonly message?: string; readonly correlationId?: string }
  | { readonly kind: 'too-large'; readonly message?: string; readonly correlationId?: string }
  | { readonly kind: 'rate-limited'; readonly message?: string; readonly correlationId?: string }
  | {
      readonly kind: 'failed';
      readonly status?: number;
      readonly message?: string;
      readonly correlationId?: string;
    };

const KIND_BY_STATUS: Readonly<Record<number, 'outdated' | 'too-large' | 'rate-limited'>> = {
  409: 'outdated',
  413: 'too-large',
  429: 'rate-limited',
};

/**
 * POST /api/forms/{slug}/submissions. Sending the same body again (same submissionId) is safe: the
 * server answers a repeat with the receipt it gave the first time.
 */
export async function createSubmission(slug: string, request: SubmissionRequest): Promise<SubmitOutcome> {
  let response: Response;
  try {
    response = await fetchWithTimeout(`/api/forms/${encodeURIComponent(slug)}/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
  } catch {
    return { kind: 'failed' };
  }
  if (response.ok) {
    const receipt = await readJson<SubmissionReceipt>(response);
    return receipt?.receiptNumber
      ? { kind: 'accepted', receipt }
      : { kind: 'failed', status: response.status };
  }
  const body = (await readJson<ApiErrorBody>(response)) ?? {};
  const details = {
    ...(body.error?.message ? { message: body.error.message } : {}),
    ...(body.correlationId ? { correlationId: body.correlationId } : {}),
  };
  if (response.status === 400) return { kind: 'invalid', issues: body.error?.issues ?? [], ...details };
  const kind = KIND_BY_STATUS[response.status];
  return kind ? { kind, ...details } : { kind: 'failed', status: response.status, ...details };
}
