import { PublishRefusedError } from './domain/form-draft-publish.ts';
import type { Editor } from './domain/form-drafts.ts';
import { DraftConflictError } from './domain/form-drafts.ts';
import type { Caller } from './domain/staff.ts';
import { json } from './http/middleware.ts';
import type { HttpResult } from './http/response.ts';

/** The editing admin: the audit log keys on the sub, people see the e-mail (else the user name). */
export const editorOf = (caller: Caller): Editor => ({
  sub: caller.sub,
  name: caller.email ?? caller.username,
});

/**
 * The editor contract's own error bodies (form-editor.ts `draftConflict`, `publishRefused`): they
 * carry the draft or the missing translations, which the generic error shape has no room for.
 */
export async function withEditorErrors(run: () => Promise<HttpResult>): Promise<HttpResult> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DraftConflictError)
      return json(409, { error: 'conflict', message: error.message, draft: error.draft });
    if (error instanceof PublishRefusedError)
      return json(400, {
        error: 'validation_failed',
        message: error.message,
        issues: error.issues,
        missingTranslations: error.missingTranslations,
      });
    throw error;
  }
}
