import type { FormDefinition } from '../../contracts/form-definition.ts';
import counsellingIntake from './counselling-intake.json' with { type: 'json' };
import courseFeedback from './course-feedback.json' with { type: 'json' };
import smallGrantRequest from './small-grant-request.json' with { type: 'json' };
import volunteerRegistration from './volunteer-registration.json' with { type: 'json' };

export interface FormTemplate {
  id: string;
  /** Per locale; the console shows the admin's language (de or en). */
  title: Record<string, string>;
  description: Record<string, string>;
  /** A complete form: German default texts in the documents, English as a translation. */
  definition: FormDefinition;
}

const template = (json: unknown): FormTemplate => {
  const definition = json as FormDefinition;
  return {
    id: definition.slug,
    title: definition.title,
    description: definition.description ?? {},
    definition,
  };
};

/**
 * Starting points for a new form (see README.md). Each uses the `submission-received` workflow, so
 * it validates without organisation data; an admin switches to approval or intake in the settings.
 */
export const formTemplates: readonly FormTemplate[] = [
  template(volunteerRegistration),
  template(counsellingIntake),
  template(smallGrantRequest),
  template(courseFeedback),
];

/** A fresh copy, so a form made from a template never shares objects with it. */
export const templateDefinition = (id: string): FormDefinition | undefined => {
  const found = formTemplates.find((entry) => entry.id === id);
  return found ? structuredClone(found.definition) : undefined;
};
