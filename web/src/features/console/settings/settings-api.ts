import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiJson } from '../api.ts';

/** GET /api/admin/settings as the API answers it (functions/shared/domain/settings.ts). */
export interface StoredSettings {
  readonly name: string;
  readonly senderName: string;
  readonly replyTo?: string;
  readonly privacyUrl?: string;
  readonly imprintUrl?: string;
  readonly locales: readonly string[];
  readonly primaryColour: string;
  readonly auditRetentionDays: number;
  readonly logo?: { hash: string; contentType: string; width: number; height: number; bytes: number };
  readonly version: number;
  readonly updatedAt?: string;
  readonly updatedBy?: string;
}

/** The PUT body: every field, the version loaded, and a new logo (base64), `null` to remove, or none. */
export interface SettingsUpdate {
  readonly version: number;
  readonly name: string;
  readonly senderName: string;
  readonly replyTo?: string;
  readonly privacyUrl?: string;
  readonly imprintUrl?: string;
  readonly locales: readonly string[];
  readonly primaryColour: string;
  readonly auditRetentionDays: number;
  readonly logo?: string | null;
}

const KEY = ['admin', 'settings'] as const;

export const useSettings = () =>
  useQuery({ queryKey: KEY, queryFn: () => apiJson<StoredSettings>('/admin/settings') });

export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation<StoredSettings, Error, SettingsUpdate>({
    mutationFn: (update) => apiJson('/admin/settings', { method: 'PUT', body: JSON.stringify(update) }),
    onSuccess: (saved) => client.setQueryData(KEY, saved),
  });
}

export const isConflict = (error: unknown) => error instanceof ApiError && error.status === 409;

/** Relative luminance contrast of white text on the colour (WCAG 2.x), as the API checks it. */
export function contrastWithWhite(hex: string): number | undefined {
  if (!/^#[0-9a-fA-F]{6}$/.test(hex)) return undefined;
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}
