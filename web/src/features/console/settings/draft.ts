import type { SettingsUpdate, StoredSettings } from './settings-api.ts';

/** The form's state: inputs hold text; the logo is unchanged, replaced (base64) or removed. */
export interface Draft {
  readonly name: string;
  readonly senderName: string;
  readonly replyTo: string;
  readonly privacyUrl: string;
  readonly imprintUrl: string;
  readonly locales: readonly string[];
  readonly primaryColour: string;
  readonly auditRetentionDays: string;
  readonly logo: { kind: 'keep' } | { kind: 'remove' } | { kind: 'new'; base64: string; preview: string };
}

export const fromSettings = (settings: StoredSettings): Draft => ({
  name: settings.name,
  senderName: settings.senderName,
  replyTo: settings.replyTo ?? '',
  privacyUrl: settings.privacyUrl ?? '',
  imprintUrl: settings.imprintUrl ?? '',
  locales: settings.locales,
  primaryColour: settings.primaryColour,
  auditRetentionDays: String(settings.auditRetentionDays),
  logo: { kind: 'keep' },
});

const optional = (key: 'replyTo' | 'privacyUrl' | 'imprintUrl', value: string) =>
  value.trim() ? { [key]: value.trim() } : {};

/** An empty optional field clears the setting: the API keeps only what a save names. */
export function toUpdate(draft: Draft, version: number): SettingsUpdate {
  const days = draft.auditRetentionDays.trim();
  return {
    version,
    name: draft.name,
    senderName: draft.senderName,
    ...optional('replyTo', draft.replyTo),
    ...optional('privacyUrl', draft.privacyUrl),
    ...optional('imprintUrl', draft.imprintUrl),
    locales: draft.locales,
    primaryColour: draft.primaryColour.trim(),
    // A non-number goes as it is, so the API names the field rather than the browser guessing.
    auditRetentionDays: /^\d+$/.test(days) ? Number(days) : (days as unknown as number),
    ...(draft.logo.kind === 'new' ? { logo: draft.logo.base64 } : {}),
    ...(draft.logo.kind === 'remove' ? { logo: null } : {}),
  };
}
