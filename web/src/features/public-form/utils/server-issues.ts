import type { FieldIssue } from '../api/create-submission.ts';
import { type ServerIssue, snapshot, valueAt } from './visible-errors.ts';

/** Issues about the request around the answers (`consent.accepted`, `website`, …), not a field. */
const ENVELOPE = /^(consent|website|submissionId|formVersion|locale)(\.|$)|^data$/;

export const isConsentIssue = (issue: FieldIssue) => issue.field.startsWith('consent');

/**
 * A 400's issues, split: those about an answer stay on that field (with the value they were about,
 * so they disappear once it changes); the rest can only be listed.
 */
export function splitIssues(
  issues: readonly FieldIssue[],
  data: unknown,
): { fields: ServerIssue[]; others: FieldIssue[] } {
  return {
    fields: issues
      .filter((issue) => !ENVELOPE.test(issue.field))
      .map((issue) => ({
        path: issue.field,
        message: issue.message,
        value: snapshot(valueAt(data, issue.field)),
      })),
    others: issues.filter((issue) => ENVELOPE.test(issue.field)),
  };
}
