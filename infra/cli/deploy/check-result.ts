/** `ok` ✔, `warn` ! (ask before deploying), `fail` ✖ (stop before deploying). */
export type CheckStatus = 'ok' | 'warn' | 'fail';

export interface CheckResult {
  readonly status: CheckStatus;
  /** One line: what was found. */
  readonly line: string;
  /** What to do about it, in plain words; printed indented below the line. */
  readonly fix?: readonly string[];
}

const marks: Record<CheckStatus, string> = { ok: '✔', warn: '!', fail: '✖' };

export function formatCheck(result: CheckResult): string {
  return [`${marks[result.status]} ${result.line}`, ...(result.fix ?? []).map((line) => `    ${line}`)].join(
    '\n',
  );
}

export const ok = (line: string): CheckResult => ({ status: 'ok', line });
export const warn = (line: string, ...fix: string[]): CheckResult => ({ status: 'warn', line, fix });
export const fail = (line: string, ...fix: string[]): CheckResult => ({ status: 'fail', line, fix });
