import type { ComponentType } from 'react';
import type { StaffRole } from './auth/roles.ts';
import { type ConsoleMessages, messages } from './messages.ts';

/** Nav labels of areas whose texts live in their own chunk: `t` is one locale's message object. */
const inLocaleOf = (t: ConsoleMessages, labels: { de: string; en: string }) =>
  t === messages.en ? labels.en : labels.de;

/**
 * The console's areas, each its own lazily loaded chunk, in nav order. `/console` opens the first
 * one the user's role may see, so the inbox goes first once it exists. Areas that are not built
 * yet (inbox, users, settings, audit) are not listed: no empty screens in the nav.
 */
export interface ConsoleArea {
  readonly path: string;
  readonly label: (t: ConsoleMessages) => string;
  readonly roles: readonly StaffRole[];
  readonly load: () => Promise<{ Component: ComponentType }>;
}

export const areas: readonly ConsoleArea[] = [
  {
    path: 'inbox',
    label: (t) => t.navInbox,
    roles: ['admin', 'coordinator', 'viewer'],
    load: () => import('./inbox/inbox-area.tsx').then((module) => ({ Component: module.InboxArea })),
  },
  {
    path: 'forms',
    label: (t) => inLocaleOf(t, { de: 'Formulare', en: 'Forms' }),
    roles: ['admin'],
    load: () => import('./forms/forms-area.tsx').then((module) => ({ Component: module.FormsArea })),
  },
  {
    path: 'courses',
    label: (t) => inLocaleOf(t, { de: 'Kurse', en: 'Courses' }),
    roles: ['admin', 'coordinator', 'viewer'],
    load: () => import('./courses/courses-area.tsx').then((module) => ({ Component: module.CoursesArea })),
  },
  {
    path: 'reports',
    label: (t) => inLocaleOf(t, { de: 'Berichte', en: 'Reports' }),
    roles: ['admin', 'coordinator', 'viewer'],
    load: () => import('./reports/reports-page.tsx').then((module) => ({ Component: module.ReportsPage })),
  },
  {
    path: 'system',
    label: (t) => t.navSystem,
    roles: ['admin'],
    load: () => import('./system/system-page.tsx').then((module) => ({ Component: module.SystemPage })),
  },
  {
    path: 'users',
    label: (t) => inLocaleOf(t, { de: 'Benutzer', en: 'Users' }),
    roles: ['admin'],
    load: () => import('./users/users-page.tsx').then((module) => ({ Component: module.UsersPage })),
  },
  {
    path: 'settings',
    label: (t) => inLocaleOf(t, { de: 'Organisation', en: 'Organisation' }),
    roles: ['admin'],
    load: () => import('./settings/settings-page.tsx').then((module) => ({ Component: module.SettingsPage })),
  },
  {
    path: 'audit',
    label: (t) => inLocaleOf(t, { de: 'Protokoll', en: 'Audit log' }),
    roles: ['admin'],
    load: () => import('./audit/audit-page.tsx').then((module) => ({ Component: module.AuditPage })),
  },
];

export const areasFor = (role: StaffRole | undefined) =>
  areas.filter((area) => role !== undefined && area.roles.includes(role));
