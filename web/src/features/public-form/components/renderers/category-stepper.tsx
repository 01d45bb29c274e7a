import { useJsonForms } from '@jsonforms/react';
import type { Ajv, ErrorObject } from 'ajv';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { format } from '../../messages.ts';
import { errorPathsIn } from '../../utils/categories.ts';
import { fieldId } from '../../utils/field-id.ts';
import { useFormUi } from '../form-ui-context.tsx';
import type { CategoryProps } from './categorization.tsx';
import { CategoryContent } from './category-content.tsx';

/**
 * One category at a time. "Next" reveals the step's errors and stays while there are any; the
 * heading of a new step takes the focus so a screen reader starts reading there. Consent and the
 * submit button appear on the last step only (the page listens through `setAtLastStep`).
 */
export function CategoryStepper({ categories, titles, layout }: CategoryProps) {
  const ui = useFormUi();
  const { core } = useJsonForms();
  // Read after the last keystrokes have reached JSON Forms, so not from this render's closure.
  const latestCore = useRef(core);
  latestCore.current = core;
  const [chosen, setChosen] = useState(0);
  const [blocked, setBlocked] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const headingId = useId();
  const current = Math.min(chosen, categories.length - 1);
  const last = current === categories.length - 1;
  const { setAtLastStep } = ui;

  useEffect(() => {
    setAtLastStep?.(last);
  }, [last, setAtLastStep]);
  useEffect(() => () => setAtLastStep?.(true), [setAtLastStep]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again on every change of step
  useLayoutEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [current]);

  const go = (index: number) => {
    moved.current = true;
    setBlocked(false);
    setChosen(index);
  };
  const next = () => {
    const category = categories[current];
    if (!category) return;
    ui.pending?.settle();
    const core = latestCore.current;
    const errors = (core?.errors ?? []) as ErrorObject[];
    const paths = errorPathsIn(category, errors, core?.data, layout.path, core?.ajv as unknown as Ajv);
    if (paths.length === 0) return go(current + 1);
    ui.reveal?.(paths);
    setBlocked(true);
    // After the errors are on the page: the first field with a problem takes the focus.
    requestAnimationFrame(() => {
      const target = paths.map((p) => document.getElementById(fieldId(p))).find(Boolean);
      target?.focus();
    });
  };

  const category = categories[current];
  if (!category) return null;
  return (
    <section className="stepper" aria-labelledby={headingId}>
      <nav aria-label={ui.messages.steps}>
        <ol className="step-list">
          {titles.map((title, index) => (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: categories are fixed for a form version
              key={index}
              aria-current={index === current ? 'step' : undefined}
              className={index < current ? 'step-done' : undefined}
            >
              {title}
            </li>
          ))}
        </ol>
      </nav>
      <p className="hint">{format(ui.messages.stepOf, { n: current + 1, total: categories.length })}</p>
      <h2 id={headingId} tabIndex={-1} ref={heading}>
        {titles[current]}
      </h2>
      <CategoryContent key={current} category={category} layout={layout} />
      {blocked && (
        <p className="field-error" role="alert">
          {ui.messages.stepHasErrors}
        </p>
      )}
      <div className="step-buttons">
        {current > 0 && (
          <button type="button" className="secondary" onClick={() => go(current - 1)}>
            {ui.messages.back}
          </button>
        )}
        {!last && (
          <button type="button" className="primary" onClick={next}>
            {ui.messages.next}
          </button>
        )}
      </div>
    </section>
  );
}
