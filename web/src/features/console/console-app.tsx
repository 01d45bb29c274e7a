import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { areas } from './areas.ts';
import { CallbackPage, SignedOutPage } from './auth/callback-page.tsx';
import { RequireSession } from './auth/session.tsx';
import { LocaleProvider } from './i18n.tsx';
import { ConsoleHome, NotFound, RoleGate } from './shell/area-pages.tsx';
import { ConsoleShell } from './shell/console-shell.tsx';
import './console.css';

const router = createBrowserRouter([
  { path: '/console/callback', element: <CallbackPage /> },
  { path: '/console/signed-out', element: <SignedOutPage /> },
  {
    path: '/console',
    element: (
      <RequireSession>
        <ConsoleShell />
      </RequireSession>
    ),
    children: [
      { index: true, element: <ConsoleHome /> },
      ...areas.map((area) => ({
        // The splat lets an area route within itself (the inbox's detail pages).
        path: `${area.path}/*`,
        lazy: async () => {
          const { Component } = await area.load();
          return {
            element: (
              <RoleGate roles={area.roles}>
                <Component />
              </RoleGate>
            ),
          };
        },
      })),
      {
        path: 'system/checks/:checkId',
        lazy: () =>
          import('./system/confirm-check.tsx').then((module) => ({
            element: (
              <RoleGate roles={['admin']}>
                <module.ConfirmCheck />
              </RoleGate>
            ),
          })),
      },
      {
        path: 'cases/:submissionId',
        lazy: () => import('./cases/case-page.tsx').then((module) => ({ Component: module.CasePage })),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

/** The signed-in console: loaded only under /console, so public pages never download it. */
export default function ConsoleApp() {
  return (
    <LocaleProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </LocaleProvider>
  );
}
