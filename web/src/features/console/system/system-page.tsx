import { useConsoleText } from '../i18n.tsx';
import { StartCheck } from './start-check.tsx';
import { StatusPanel } from './status-panel.tsx';

/** Admins see whether data, workflows and mail work, and can prove it end to end. */
export function SystemPage() {
  const { t } = useConsoleText();
  return (
    <>
      <h1>{t.system.title}</h1>
      <StatusPanel />
      <StartCheck />
    </>
  );
}
