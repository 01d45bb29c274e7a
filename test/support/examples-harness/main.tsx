import { getExamples } from '@jsonforms/examples';
import { createRoot } from 'react-dom/client';
import type { PublishedForm } from '#shared/contracts/form-definition.ts';
import { FormPreview } from '../../../web/src/features/public-form/preview.tsx';
import { toPreviewForm } from './preview-form.ts';
import '../../../web/src/styles.css';

// Test harness only (never part of the app): renders JSON Forms' own examples, one at a time, with
// the editor's FormPreview, so a browser test can try every one of them in one page.

declare global {
  interface Window {
    /** Renders the example; resolves with the milliseconds until its form was on the screen. */
    showExample: (name: string, locale?: string) => Promise<number>;
    /** Renders any published form (a test's fixture) the same way. */
    showForm: (form: PublishedForm) => Promise<number>;
  }
}

const examples = getExamples();
const root = createRoot(document.getElementById('root') as HTMLElement);
let shown = 0;

function whenRendered(key: string, started: number): Promise<number> {
  return new Promise((resolve) => {
    const check = () => {
      if (document.querySelector(`[data-example="${key}"] form.public-form-fields`))
        resolve(performance.now() - started);
      else requestAnimationFrame(check);
    };
    check();
  });
}

function show(form: PublishedForm, data?: Record<string, unknown>): Promise<number> {
  const key = String(++shown);
  const started = performance.now();
  root.render(
    <main data-example={key} key={key}>
      <FormPreview form={form} data={data} />
    </main>,
  );
  return whenRendered(key, started);
}

window.showExample = (name, locale = 'en') => {
  const example = examples.find((candidate) => candidate.name === name);
  if (!example) return Promise.reject(new Error(`No example named ${name}`));
  return show(toPreviewForm(example, locale), example.data);
};
window.showForm = (form) => show(form);
