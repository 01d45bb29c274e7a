/** Default time one AWS request of the checks may take, credentials included. */
export const defaultTimeoutMs = 10_000;

export class AwsTimeoutError extends Error {
  override readonly name = 'AwsTimeoutError';
}

/**
 * One AWS request with a deadline. The signal aborts the HTTP request; the race also ends a
 * credential lookup that does not listen to it (e.g. the EC2 instance metadata on a laptop).
 */
export async function withTimeout<T>(
  timeoutMs: number,
  call: (abortSignal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new AwsTimeoutError(`no answer within ${timeoutMs / 1000} s`));
      controller.abort();
    }, timeoutMs);
  });
  try {
    return await Promise.race([call(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const networkCodes = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

export type AwsProblemKind =
  | 'no-credentials'
  | 'bad-credentials'
  | 'access-denied'
  | 'timeout'
  | 'network'
  | 'other';

export interface AwsProblem {
  readonly kind: AwsProblemKind;
  /** A few words for the check's line, e.g. "none found". */
  readonly headline: string;
  /** What went wrong and what to do, in plain words, one or two sentences. */
  readonly words: string;
}

/**
 * Turns whatever an AWS call threw into plain words. `permission` names the IAM action the call
 * needs, so an access-denied answer can say what to ask for.
 */
export function describeAwsError(error: unknown, permission: string): AwsProblem {
  const e = (error ?? {}) as {
    name?: string;
    code?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const name = e.name ?? '';
  const message = e.message ?? String(error);
  if (
    name === 'CredentialsProviderError' ||
    /could not load credentials|unable to find .*credentials/i.test(message)
  ) {
    return {
      kind: 'no-credentials',
      headline: 'none found',
      words:
        'Sign in to AWS in this shell first. Run `aws configure` (access key of an IAM user) or `aws sso login` (IAM Identity Center), or set AWS_PROFILE; then run this again.',
    };
  }
  if (/expired/i.test(name) || /token.*expired|expired.*token/i.test(message)) {
    return {
      kind: 'bad-credentials',
      headline: 'expired',
      words:
        'Your AWS credentials have expired. Run `aws sso login` again (or get new keys), then run this again.',
    };
  }
  if (
    /InvalidClientTokenId|UnrecognizedClient|SignatureDoesNotMatch|InvalidSignature|IncompleteSignature/.test(
      name,
    )
  ) {
    return {
      kind: 'bad-credentials',
      headline: 'not accepted',
      words:
        'AWS does not accept your credentials (unknown key or wrong secret). Check them with `aws configure`.',
    };
  }
  if (/AccessDenied|Unauthorized|Forbidden/i.test(name) || e.$metadata?.httpStatusCode === 403) {
    return {
      kind: 'access-denied',
      headline: 'access denied',
      words: `Your AWS user or role may not call ${permission}. Deploy with an administrator role, or ask for this permission.`,
    };
  }
  if (error instanceof AwsTimeoutError || name === 'AbortError' || name === 'TimeoutError') {
    return {
      kind: 'timeout',
      headline: 'no answer from AWS',
      words: `AWS gave no answer in time (${permission}). Check your internet connection or proxy, then run this again.`,
    };
  }
  const code = e.code ?? /\b(E[A-Z]{4,})\b/.exec(message)?.[1];
  if (code && networkCodes.has(code)) {
    return {
      kind: 'network',
      headline: 'AWS cannot be reached',
      words: `AWS cannot be reached (${code}). Check your internet connection or proxy, then run this again.`,
    };
  }
  return {
    kind: 'other',
    headline: 'AWS refused',
    words: `AWS answered ${name || 'an error'}: ${message.split('\n')[0]}`,
  };
}

/** Plain words as lines of a check's fix, a sentence each. */
export const sentences = (words: string): string[] => words.split(/(?<=\.) (?=[A-Z(])/);
