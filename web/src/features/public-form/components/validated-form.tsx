import { useEffect, useState } from 'react';
import type { PublishedForm } from '../api/types.ts';
import type { Messages } from '../messages.ts';
import { loadPrecompiledValidator } from '../validation/precompiled.ts';
import { useValidator } from '../validation/use-validator.ts';
import { FormView } from './form-view.tsx';
import { preloadRareRenderers } from './renderers/lazy-renderer.tsx';

type Props = Omit<Parameters<typeof FormView>[0], 'validator'> & { form: PublishedForm; messages: Messages };

/** The form once its version's server-compiled validators are here (about 4 kB gzip, cached for good). */
export function ValidatedForm(props: Props) {
  const { form, messages } = props;
  const [attempt, setAttempt] = useState(0);
  // Steps and tabs live in the rare renderers' chunk: fetched alongside the validators, not after.
  useEffect(() => {
    if (JSON.stringify(form.uischema).includes('"Categorization"')) void preloadRareRenderers();
  }, [form.uischema]);
  const { ajv, failed } = useValidator(
    `${form.slug}@${form.version}`,
    () => loadPrecompiledValidator(form.slug, form.version, form.schema),
    attempt,
  );
  if (ajv) return <FormView {...props} validator={ajv} />;
  if (!failed) return <p role="status">{messages.loading}</p>;
  return (
    <>
      <p role="alert">{messages.loadFailed}</p>
      <button type="button" className="primary" onClick={() => setAttempt((n) => n + 1)}>
        {messages.retry}
      </button>
    </>
  );
}
