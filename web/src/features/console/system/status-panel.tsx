import { useQuery } from '@tanstack/react-query';
import { apiJson } from '../api.ts';
import { useConsoleText } from '../i18n.tsx';

interface Health {
  status: string;
  components?: Record<string, { status: string; detail?: string }>;
}

/** Data, workflows and mail, each ok or not; the public health answer may carry only the overall status. */
export function StatusPanel() {
  const { t } = useConsoleText();
  const health = useQuery({ queryKey: ['health'], queryFn: () => apiJson<Health>('/admin/health') });
  const components = health.data?.components ?? (health.data ? { api: { status: health.data.status } } : {});
  return (
    <section aria-labelledby="status-title">
      <h2 id="status-title">{t.system.statusTitle}</h2>
      {health.isError && <p role="alert">{t.system.unreachable}</p>}
      {health.isPending && <p aria-live="polite">{t.system.checking}</p>}
      {health.data && (
        <ul className="status">
          {Object.entries(components).map(([name, component]) => (
            <li key={name} data-status={component.status}>
              <span>{t.system.components[name] ?? name}</span>{' '}
              <strong>
                {component.status === 'ok' ? t.system.ok : `${t.system.error}: ${component.detail ?? ''}`}
              </strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
