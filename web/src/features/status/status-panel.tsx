import { useEffect, useState } from 'react';
import { callApi } from '../../api.ts';

interface Health {
  status: string;
  components: Record<string, { status: string; latencyMs: number; detail?: string }>;
}

const names: Record<string, string> = {
  data: 'Daten / Data',
  workflows: 'Abläufe / Workflows',
  mail: 'E-Mail / Mail',
};

export function StatusPanel() {
  const [health, setHealth] = useState<Health | undefined>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    callApi<Health>('/health').then(
      (result) => setHealth(result.body),
      () => setFailed(true),
    );
  }, []);
  return (
    <section aria-labelledby="status-title">
      <h2 id="status-title">Systemstatus · System status</h2>
      {failed && <p role="alert">Die API ist nicht erreichbar. · The API cannot be reached.</p>}
      {!health && !failed && <p aria-live="polite">Wird geprüft … · Checking …</p>}
      {health && (
        <ul className="status">
          {Object.entries(health.components).map(([name, component]) => (
            <li key={name} data-status={component.status}>
              <span>{names[name] ?? name}</span>{' '}
              <strong>
                {component.status === 'ok' ? 'OK' : `Fehler · Error: ${component.detail ?? ''}`}
              </strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
