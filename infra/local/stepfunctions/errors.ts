/**
 * Errors of the Step Functions API subset, named as the AWS SDK expects them in `__type`, and
 * errors raised inside executions, named as Retry/Catch match them.
 */
export class SfnApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = type;
  }
}

export class StatesError extends Error {
  constructor(name: string, cause: string) {
    super(cause);
    this.name = name;
    // aws-local-stepfunctions reports `cause ?? message` as the Cause of a failure.
    this.cause = cause;
  }
}
