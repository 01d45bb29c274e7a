import { createContext, useContext } from 'react';
import type { Messages } from '../messages.ts';

/** What the renderers need beyond JSON Forms' props: the page's words and which errors to show. */
export interface FormUi {
  readonly messages: Messages;
  readonly touched: ReadonlySet<string>;
  readonly submitted: boolean;
  readonly markTouched: (path: string) => void;
  /** Shows the errors of these fields at once (a stepper's "Next" on a step with problems). */
  readonly reveal?: (paths: readonly string[]) => void;
  /**
   * A stepper says whether its last step is showing: consent and the submit button belong there.
   * Absent (the console's read-only view) nothing listens.
   */
  readonly setAtLastStep?: (last: boolean) => void;
}

export const FormUiContext = createContext<FormUi | undefined>(undefined);

export function useFormUi(): FormUi {
  const ui = useContext(FormUiContext);
  if (!ui) throw new Error('Public form renderers need a FormUiContext provider');
  return ui;
}
