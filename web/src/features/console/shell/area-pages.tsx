import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { areasFor } from '../areas.ts';
import type { StaffRole } from '../auth/roles.ts';
import { useSession } from '../auth/session.tsx';
import { useConsoleText } from '../i18n.tsx';

/** `/console`: the first area the role may see (the inbox, once there is one). */
export function ConsoleHome() {
  const { t } = useConsoleText();
  const first = areasFor(useSession().role)[0];
  if (first) return <Navigate to={`/console/${first.path}`} replace />;
  return (
    <>
      <h1>{t.welcomeTitle}</h1>
      <p>{t.welcomeText}</p>
    </>
  );
}

/** An area the role may not use says so, rather than loading and failing on 403s. */
export function RoleGate({ roles, children }: { roles: readonly StaffRole[]; children: ReactNode }) {
  const { t } = useConsoleText();
  const { role } = useSession();
  if (!role || !roles.includes(role)) return <p role="alert">{t.forbidden}</p>;
  return children;
}

export function NotFound() {
  return <p role="alert">{useConsoleText().t.notFound}</p>;
}
