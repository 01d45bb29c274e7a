import type * as z from 'zod';
import type {
  PublishedForm,
  submissionReceipt,
  submissionRequest,
} from '#shared/contracts/form-definition.ts';

// Types only: the contract's zod schemas stay on the server, the page gets their shapes.
export type { PublishedForm };
export type SubmissionRequest = z.input<typeof submissionRequest>;
export type SubmissionReceipt = z.output<typeof submissionReceipt>;

/** The API's error body (`functions/shared/http`). */
export interface ApiErrorBody {
  readonly error?: {
    readonly code?: string;
    readonly message?: string;
    readonly issues?: readonly { readonly field: string; readonly message: string }[];
  };
  readonly correlationId?: string;
}
