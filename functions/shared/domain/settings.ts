import { createHash } from 'node:crypto';
import { localeCode } from '../contracts/form-definition.ts';
import * as z from '../zod.ts';
import type { AuditLog } from './audit.ts';
import { ConflictError, ValidationError } from './errors.ts';

/**
 * The organisation's settings, edited by admins in the console and read per request by pages and
 * per mail by the mailer, so a change holds at once without a deploy. The environment's values
 * are defaults only, used until an admin saves.
 */
export interface LogoInfo {
  /** SHA-256 of the image (hex, first 16 characters): part of its URL, so it can be cached for good. */
  readonly hash: string;
  readonly contentType: LogoType;
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
}

export interface OrganisationSettings {
  readonly name: string;
  readonly senderName: string;
  readonly replyTo?: string;
  readonly privacyUrl?: string;
  readonly imprintUrl?: string;
  readonly locales: readonly string[];
  readonly primaryColour: string;
  readonly auditRetentionDays: number;
  readonly logo?: LogoInfo;
}

export interface StoredSettings extends OrganisationSettings {
  /** Bumped by each save; a save naming an older one is refused (409), so no edit is lost silently. */
  readonly version: number;
  readonly updatedAt?: string;
  readonly updatedBy?: string;
}

export const DEFAULT_PRIMARY_COLOUR = '#0b5394';
export const DEFAULT_LOCALES = ['de', 'en', 'ar', 'uk'] as const;
export const MAX_LOGO_BYTES = 200 * 1024;
const MAX_LOGO_SIDE = 4096;

export function defaultSettings(organisationName: string, retentionDays: number): StoredSettings {
  return {
    name: organisationName,
    senderName: organisationName,
    locales: [...DEFAULT_LOCALES],
    primaryColour: DEFAULT_PRIMARY_COLOUR,
    auditRetentionDays: retentionDays,
    version: 0,
  };
}

const httpsUrl = z
  .url('must be a web address')
  .check(z.refine((value) => /^https?:\/\//.test(value), 'must start with https:// or http://'));

/** A colour white text stays readable on (WCAG 2.x AA for normal text: contrast 4.5:1 or more). */
const primaryColour = z.string().check(
  z.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #0b5394'),
  z.superRefine((value, context) => {
    const contrast = contrastWithWhite(value);
    if (contrast < 4.5)
      context.addIssue({
        code: 'custom',
        message: `white text on ${value} has a contrast of ${contrast.toFixed(2)}:1; WCAG AA needs at least 4.5:1, choose a darker colour`,
      });
  }),
);

export const settingsUpdate = z.strictObject({
  /** The version this edit started from (0 before the first save). */
  version: z.number().check(z.int(), z.minimum(0)),
  name: z.string().check(z.trim(), z.minLength(1, 'is required'), z.maxLength(120)),
  senderName: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'is required'),
      z.maxLength(80),
      z.regex(/^[^\r\n"<>]*$/, 'must not contain line breaks, quotes or angle brackets'),
    ),
  replyTo: z.optional(z.email('must be an e-mail address').check(z.maxLength(254))),
  privacyUrl: z.optional(httpsUrl),
  imprintUrl: z.optional(httpsUrl),
  locales: z.array(localeCode).check(
    z.minLength(1, 'offer at least one language'),
    z.maxLength(20),
    z.refine((list) => new Set(list).size === list.length, 'must not repeat a language'),
  ),
  primaryColour,
  auditRetentionDays: z
    .number()
    .check(z.int(), z.minimum(30, 'keep the audit log at least 30 days'), z.maximum(3650)),
  /** A new logo as base64 (PNG, JPEG or WebP, at most 200 kB); null removes it; absent keeps it. */
  logo: z.optional(z.nullable(z.base64('must be the image as base64'))),
});
export type SettingsUpdate = z.infer<typeof settingsUpdate>;

/** Relative luminance and contrast as WCAG 2.x defines them (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio). */
export function contrastWithWhite(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

export type LogoType = 'image/png' | 'image/jpeg' | 'image/webp';

/**
 * Checks an uploaded logo by its bytes, not by what the browser claimed: PNG, JPEG or WebP only
 * (SVG can carry script), at most 200 kB, with sensible dimensions read from the image header.
 */
export function inspectLogo(image: Buffer): LogoInfo {
  const refuse = (message: string) => new ValidationError([{ field: 'logo', message }]);
  if (image.byteLength > MAX_LOGO_BYTES)
    throw refuse(`is ${Math.ceil(image.byteLength / 1024)} kB; at most 200 kB are allowed`);
  const found = imageType(image);
  if (!found) throw refuse('must be a PNG, JPEG or WebP image (SVG and other types are not accepted)');
  const { contentType, width, height } = found;
  if (width < 16 || height < 16 || width > MAX_LOGO_SIDE || height > MAX_LOGO_SIDE)
    throw refuse(`is ${width}×${height} pixels; each side must be between 16 and ${MAX_LOGO_SIDE}`);
  const hash = createHash('sha256').update(image).digest('hex').slice(0, 16);
  return { hash, contentType, width, height, bytes: image.byteLength };
}

function imageType(b: Buffer): { contentType: LogoType; width: number; height: number } | undefined {
  if (b.length >= 24 && b.subarray(0, 8).equals(PNG_SIGNATURE) && b.toString('latin1', 12, 16) === 'IHDR')
    return { contentType: 'image/png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    const size = jpegSize(b);
    return size && { contentType: 'image/jpeg', ...size };
  }
  if (b.length >= 30 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') {
    const size = webpSize(b);
    return size && { contentType: 'image/webp', ...size };
  }
  return undefined;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Walks the JPEG markers to the first start-of-frame, which holds the dimensions. */
function jpegSize(b: Buffer): { width: number; height: number } | undefined {
  let offset = 2;
  while (offset + 9 < b.length) {
    if (b[offset] !== 0xff) return undefined;
    const marker = b[offset + 1] ?? 0;
    const length = b.readUInt16BE(offset + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isFrame) return { height: b.readUInt16BE(offset + 5), width: b.readUInt16BE(offset + 7) };
    offset += 2 + length;
  }
  return undefined;
}

/** The three WebP flavours keep their size in different places (https://developers.google.com/speed/webp/docs/riff_container). */
function webpSize(b: Buffer): { width: number; height: number } | undefined {
  const chunk = b.toString('latin1', 12, 16);
  if (chunk === 'VP8X') return { width: 1 + b.readUIntLE(24, 3), height: 1 + b.readUIntLE(27, 3) };
  if (chunk === 'VP8L' && b[20] === 0x2f) {
    const bits = b.readUInt32LE(21);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  if (chunk === 'VP8 ' && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a)
    return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  return undefined;
}

/** What pages may know: no reply-to address, no retention, no version. */
export function publicSettings(settings: OrganisationSettings) {
  return {
    name: settings.name,
    ...(settings.logo
      ? {
          logo: {
            url: `/api/settings/logo?v=${settings.logo.hash}`,
            width: settings.logo.width,
            height: settings.logo.height,
          },
        }
      : {}),
    ...(settings.privacyUrl ? { privacyUrl: settings.privacyUrl } : {}),
    ...(settings.imprintUrl ? { imprintUrl: settings.imprintUrl } : {}),
    locales: settings.locales,
    primaryColour: settings.primaryColour,
  };
}

/** The settings as the audit log keeps them: the logo by its hash, never its bytes. */
export function auditView(settings: StoredSettings) {
  const { logo, updatedAt: _at, updatedBy: _by, ...rest } = settings;
  return { ...rest, logo: logo?.hash ?? null };
}

export interface SettingsDeps {
  readonly store: {
    save(
      settings: StoredSettings,
      expectedVersion: number,
      logo?: { hash: string; contentType: string; data: Uint8Array },
    ): Promise<boolean>;
  };
  readonly current: () => Promise<StoredSettings>;
  readonly audit: AuditLog;
  readonly now: () => Date;
}

/**
 * Saves an admin's edit if nobody saved since it was loaded (else 409), checks a new logo by its
 * bytes, and records before and after in the audit log (the logo as its hash).
 */
export async function updateSettings(
  deps: SettingsDeps,
  update: SettingsUpdate,
  actor: { readonly sub: string; readonly username: string },
): Promise<StoredSettings> {
  const before = await deps.current();
  if (before.version !== update.version) throw staleEdit(before);
  const image = typeof update.logo === 'string' ? Buffer.from(update.logo, 'base64') : undefined;
  const newLogo = image ? inspectLogo(image) : undefined;
  const logo = update.logo === null ? undefined : (newLogo ?? before.logo);
  const at = deps.now().toISOString();
  const { version: _v, logo: _l, ...fields } = update;
  const after: StoredSettings = {
    ...fields,
    ...(logo ? { logo } : {}),
    version: before.version + 1,
    updatedAt: at,
    updatedBy: actor.username,
  };
  const stored =
    newLogo && image ? { hash: newLogo.hash, contentType: newLogo.contentType, data: image } : undefined;
  if (!(await deps.store.save(after, before.version, stored))) throw staleEdit(await deps.current());
  await deps.audit.record({
    at,
    actor,
    action: 'settings.update',
    target: { type: 'settings', id: 'organisation' },
    before: auditView(before),
    after: auditView(after),
  });
  return after;
}

function staleEdit(current: StoredSettings): ConflictError {
  return new ConflictError(
    `The settings were changed${current.updatedBy ? ` by ${current.updatedBy}` : ''}${current.updatedAt ? ` at ${current.updatedAt}` : ''} since you loaded them (now version ${current.version}). Load them again and repeat your change.`,
  );
}
