import type { FieldIssue } from '../../api.ts';
import { ApprovalSection } from './approval-section.tsx';
import { AvailabilitySection } from './availability-section.tsx';
import { ConfirmationSection } from './confirmation-section.tsx';
import { type Definition, getAt, issueAt, setAt } from './definition-access.ts';
import type { SectionProps } from './section-props.ts';
import { formSettingsMessages } from './settings-messages.ts';
import { IntakeSection, RetentionSection, WorkflowSection } from './workflow-section.tsx';

export interface FormSettingsTabProps {
  /** The draft definition, possibly incomplete. */
  readonly definition: Definition;
  /** A new definition with one setting changed; `what` says which, in the console's language. */
  readonly onChange: (next: Definition, what: string) => void;
  readonly uiLocale: 'de' | 'en';
  /** What validation says about the draft; each message is shown at its field. */
  readonly issues?: readonly FieldIssue[];
}

/**
 * The form's settings: its workflow and who approves, retention, when it takes submissions, and
 * its confirmation texts. Every change goes out as a whole new definition through onChange, so
 * undo, autosave and the JSON mode see settings like any other edit.
 */
export function FormSettingsTab({ definition, onChange, uiLocale, issues = [] }: FormSettingsTabProps) {
  const t = formSettingsMessages[uiLocale];
  const props: SectionProps = {
    definition,
    t,
    set: (path, value, what) => onChange(setAt(definition, path, value), what),
    issue: (field) => issueAt(issues, field),
  };
  const workflow = getAt(definition, ['workflow']);
  return (
    <div className="form-settings-tab">
      <WorkflowSection {...props} />
      {workflow === 'volunteer-onboarding' && <ApprovalSection {...props} />}
      {workflow === 'counselling-intake' && <IntakeSection {...props} />}
      <RetentionSection {...props} />
      <AvailabilitySection {...props} />
      <ConfirmationSection {...props} uiLocale={uiLocale} />
    </div>
  );
}
