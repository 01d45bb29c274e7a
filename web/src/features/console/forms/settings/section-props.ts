import type { Definition } from './definition-access.ts';
import type { FormSettingsMessages } from './settings-messages.ts';

/** What every section of the tab gets: the draft, a way to change one value, texts and issues. */
export interface SectionProps {
  readonly definition: Definition;
  /** Sets the value at a path of the definition; `what` names the change for undo and the history. */
  readonly set: (path: readonly string[], value: unknown, what: string) => void;
  readonly t: FormSettingsMessages;
  readonly issue: (field: string) => string | undefined;
}
