import type { BuildMessages } from '../messages.ts';
import type { FormDefinitionDraft } from '../model/types.ts';
import { JsonEditor } from './json-editor.tsx';
import { lintSchema, lintUiSchema } from './schema-linter.ts';

interface Props {
  readonly definition: FormDefinitionDraft;
  readonly onChange: (next: FormDefinitionDraft, what: string) => void;
  readonly t: BuildMessages;
}

/** The two documents for people who write JSON Schema: a lazy chunk, loaded on first use. */
export default function JsonMode({ definition, onChange, t }: Props) {
  return (
    <div className="build-json">
      <JsonEditor
        id="build-json-schema"
        label={t.jsonSchema}
        value={definition.schema ?? {}}
        lint={lintSchema}
        parseError={t.jsonParseError}
        onApply={(schema) => onChange({ ...definition, schema }, t.jsonEdited(t.jsonSchema))}
      />
      <JsonEditor
        id="build-json-uischema"
        label={t.jsonUiSchema}
        value={definition.uischema ?? {}}
        lint={lintUiSchema}
        parseError={t.jsonParseError}
        onApply={(uischema) => onChange({ ...definition, uischema }, t.jsonEdited(t.jsonUiSchema))}
      />
    </div>
  );
}
