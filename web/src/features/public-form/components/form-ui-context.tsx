import { createContext, useContext } from 'react';
import type { Messages } from '../messages.ts';

/** What the renderers need beyond JSON Forms' props: the page's words and which errors to show. */
export interface FormUi {
  readonly messages: Messages;
  readonly touched: ReadonlySet<string>;
  readonly submitted: boolean;
  readonly markTouched: (path: string) => void;
}

export const FormUiContext = createContext<FormUi | undefined>(undefined);

export function useFormUi(): FormUi {
  const ui = useContext(FormUiContext);
  if (!ui) throw new Error('Public form renderers need a FormUiContext provider');
  return ui;
}
