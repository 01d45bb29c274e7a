import { StatusPanel } from './features/status/status-panel.tsx';
import { ConfirmCheck } from './features/system-check/confirm-check.tsx';
import { StartCheck } from './features/system-check/start-check.tsx';

/** A tiny path router: the public form pages and admin console arrive with later features. */
export function App() {
  const confirm = /^\/system-checks\/([0-9a-f-]{36})$/i.exec(window.location.pathname);
  return (
    <main className="page">
      <header>
        <h1>Lotse</h1>
        <p>Formulare und Abläufe für Ehrenamtsprogramme · Forms and workflows for volunteer programmes</p>
      </header>
      {confirm?.[1] ? (
        <ConfirmCheck checkId={confirm[1]} />
      ) : (
        <>
          <StatusPanel />
          <StartCheck />
        </>
      )}
    </main>
  );
}
