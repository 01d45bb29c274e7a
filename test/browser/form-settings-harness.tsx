import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { Definition } from '../../web/src/features/console/forms/settings/definition-access.ts';
import { FormSettingsTab } from '../../web/src/features/console/forms/settings/form-settings-tab.tsx';

/*
 * Mounts the settings tab alone for form-settings.browser.test.ts: the test reads every change
 * from window.lotseChanges, and sets the validation issues through window.lotseSetIssues.
 */
declare global {
  interface Window {
    lotseStart: Definition;
    lotseChanges: { definition: Definition; what: string }[];
    lotseSetIssues: (issues: { field: string; message: string }[]) => void;
  }
}

function Harness() {
  const [definition, setDefinition] = useState(window.lotseStart);
  const [issues, setIssues] = useState<{ field: string; message: string }[]>([]);
  window.lotseSetIssues = setIssues;
  return (
    <main>
      <h1>Testformular</h1>
      {/* The editor page's tab heading; the tab's languages are h3 below it. */}
      <h2>Einstellungen</h2>
      <FormSettingsTab
        definition={definition}
        uiLocale="de"
        issues={issues}
        onChange={(next, what) => {
          window.lotseChanges.push({ definition: next, what });
          setDefinition(next);
        }}
      />
    </main>
  );
}

window.lotseChanges = [];
createRoot(document.getElementById('root') as HTMLElement).render(<Harness />);
