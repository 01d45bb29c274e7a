import { ApiError, SignInRequired } from '../../api.ts';

/** The API's own message for a refused change (it names the field), else a generic one. */
export function FailureText({ error, fallback }: { error: unknown; fallback: string }) {
  if (!error || error instanceof SignInRequired) return null;
  const issues =
    error instanceof ApiError ? error.issues.map((issue) => `${issue.field}: ${issue.message}`) : [];
  return (
    <p role="alert" className="error">
      {error instanceof ApiError ? [error.message, ...issues].join(' ') : fallback}
    </p>
  );
}
