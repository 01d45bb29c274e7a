/**
 * Domain errors. Use cases throw these; one mapper (../http/error-mapper.ts) turns them into HTTP
 * answers. Anything that is not one of these becomes a generic 500.
 */
export interface FieldIssue {
  /** JSON path of the offending field, e.g. `recipient` or `answers.0.text`; empty for the body itself. */
  readonly field: string;
  readonly message: string;
}

export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  readonly status = 400;
  readonly code = 'validation_failed';
  constructor(
    readonly issues: readonly FieldIssue[],
    message = describeIssues(issues),
  ) {
    super(message);
  }
}

export class UnauthorizedError extends DomainError {
  readonly status = 401;
  readonly code = 'unauthorized';
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly code = 'forbidden';
}

export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  readonly code = 'too_many_requests';
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly code = 'not_found';
}

export class ConflictError extends DomainError {
  readonly status = 409;
  readonly code = 'conflict';
}

export class GoneError extends DomainError {
  readonly status = 410;
  readonly code = 'gone';
}

export class PayloadTooLargeError extends DomainError {
  readonly status = 413;
  readonly code = 'payload_too_large';
}

export class UnsupportedMediaTypeError extends DomainError {
  readonly status = 415;
  readonly code = 'unsupported_media_type';
}

/** A dependency (mail, workflow engine) refused or failed; the caller may retry later. */
export class DependencyError extends DomainError {
  readonly status = 503;
  readonly code = 'dependency_unavailable';
}

function describeIssues(issues: readonly FieldIssue[]): string {
  if (issues.length === 0) return 'The request is not valid.';
  return issues.map((issue) => (issue.field ? `${issue.field}: ${issue.message}` : issue.message)).join('; ');
}
