import { createContext, useContext, useSyncExternalStore } from 'react';
import type { PendingChanges } from '../hooks/use-pending-changes.ts';
import type { Messages } from '../messages.ts';
import type { ErrorVisibility } from '../utils/error-visibility.ts';

/**
 * What the renderers need beyond JSON Forms' props: the page's words and which errors to show.
 * Stable for the life of a form (it changes with the language only), so no field re-renders
 * because another one was touched.
 */
export interface FormUi {
  readonly messages: Messages;
  readonly errorsShown: ErrorVisibility;
  readonly markTouched: (path: string) => void;
  /** Shows the errors of these fields at once (a stepper's "Next" on a step with problems). */
  readonly reveal?: (paths: readonly string[]) => void;
  /**
   * A stepper says whether its last step is showing: consent and the submit button belong there.
   * Absent (the console's read-only view) nothing listens.
   */
  readonly setAtLastStep?: (last: boolean) => void;
  /** Typed text not yet committed; absent in read-only views. */
  readonly pending?: PendingChanges;
}

export const FormUiContext = createContext<FormUi | undefined>(undefined);

export function useFormUi(): FormUi {
  const ui = useContext(FormUiContext);
  if (!ui) throw new Error('Public form renderers need a FormUiContext provider');
  return ui;
}

/** Whether the field at `path` shows its errors; re-renders the caller only when that changes. */
export function useErrorShown(path: string): boolean {
  const { errorsShown } = useFormUi();
  return useSyncExternalStore(errorsShown.subscribe, () => errorsShown.isVisible(path));
}
