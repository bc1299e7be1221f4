/**
 * The Organization settings page's model: the forms' drafts, what each sends (only the fields
 * that changed: left out means unchanged to the API), and the checks the server makes again.
 */
import type { OrgBrandingFieldsFragment, OrgSettingsFieldsFragment } from '../../gql/graphql';

export type Branding = Pick<OrgBrandingFieldsFragment, 'name' | 'branding'>;
export type Settings = NonNullable<OrgSettingsFieldsFragment['settings']>;
export type Limits = Settings['limits'];

export const HEX_COLOR = /^#[0-9a-f]{6}$/i;
/** The dashboard's own accent (styles.css), shown when the org has no colour. */
export const DEFAULT_COLOR = '#3b5bdb';
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;

/** How the org's logo is given: none, a web address, or an image uploaded to this server. */
export type LogoMode = 'none' | 'url' | 'upload';

/** An uploaded logo is served by this server: its address is a path (`/orgs/<slug>/logo?v=…`). */
export function logoModeOf(logoUrl: string | null | undefined): LogoMode {
  if (!logoUrl) return 'none';
  return logoUrl.startsWith('/') ? 'upload' : 'url';
}

export interface BrandingDraft {
  name: string;
  primaryColor: string;
  tagline: string;
  logoMode: LogoMode;
  logoUrl: string;
}

export function brandingDraftOf(current: Branding): BrandingDraft {
  const logoUrl = current.branding.logoUrl ?? '';
  const mode = logoModeOf(logoUrl);
  return {
    name: current.name,
    primaryColor: current.branding.primaryColor ?? '',
    tagline: current.branding.tagline ?? '',
    logoMode: mode,
    logoUrl: mode === 'url' ? logoUrl : '',
  };
}

export type BrandingField = 'name' | 'primaryColor' | 'tagline' | 'logoUrl';
export interface BrandingInput {
  name?: string;
  primaryColor?: string | null;
  tagline?: string | null;
  logoUrl?: string | null;
}

/**
 * updateOrganizationBranding's input for the draft: the changed fields only (an empty box clears
 * the field); the logo address only in 'url' mode, null in 'none' mode (an upload is sent by
 * itself). Errors by field for what the server would refuse.
 */
export function brandingInput(
  draft: BrandingDraft,
  current: Branding,
  limits: Pick<Limits, 'nameMaxLength' | 'taglineMaxLength'>,
): { input: BrandingInput; errors: Partial<Record<BrandingField, string>> } {
  const errors: Partial<Record<BrandingField, string>> = {};
  const input: BrandingInput = {};
  const name = draft.name.trim();
  if (!name) errors.name = 'Enter the organization’s name.';
  else if (name.length > limits.nameMaxLength) errors.name = `Use at most ${limits.nameMaxLength} characters.`;
  else if (name !== current.name) input.name = name;

  const color = draft.primaryColor.trim().toLowerCase();
  if (color && !HEX_COLOR.test(color)) errors.primaryColor = 'Write the colour as # and six hex digits, such as #1d4ed8.';
  else if ((color || null) !== (current.branding.primaryColor ?? null)) input.primaryColor = color || null;

  const tagline = draft.tagline.trim();
  if (tagline.length > limits.taglineMaxLength) errors.tagline = `Use at most ${limits.taglineMaxLength} characters.`;
  else if ((tagline || null) !== (current.branding.tagline ?? null)) input.tagline = tagline || null;

  const currentMode = logoModeOf(current.branding.logoUrl);
  if (draft.logoMode === 'url') {
    const url = draft.logoUrl.trim();
    if (!url) errors.logoUrl = 'Enter the logo’s address, or choose another option.';
    else if (!/^https:\/\/[^\s/]+/i.test(url)) errors.logoUrl = 'Use an https:// address, such as https://example.org/logo.png.';
    else if (url !== current.branding.logoUrl) input.logoUrl = url;
  } else if (draft.logoMode === 'none' && currentMode !== 'none') {
    input.logoUrl = null;
  }
  return { input, errors };
}

/** A file the server would refuse, in words (it checks the file's content again). */
export function logoFileProblem(file: { type: string; size: number }, maxBytes: number): string | null {
  if (!(LOGO_TYPES as readonly string[]).includes(file.type)) return 'Choose a PNG, JPEG or WebP image.';
  if (file.size > maxBytes) return `The image is larger than ${formatBytes(maxBytes)}.`;
  return null;
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

/** A number of seconds in the largest unit that says it exactly enough ("8 hours", "30 minutes"). */
export function formatDuration(seconds: number): string {
  const unit = (n: number, one: string) => `${n.toLocaleString('en', { maximumFractionDigits: 1 })} ${n === 1 ? one : `${one}s`}`;
  if (seconds % 86400 === 0) return unit(seconds / 86400, 'day');
  if (seconds >= 3600 && seconds % 360 === 0) return unit(seconds / 3600, 'hour');
  if (seconds % 60 === 0) return unit(seconds / 60, 'minute');
  return unit(seconds, 'second');
}

/** The settings form: the idle timeout in minutes, the lifetime in hours, as typed (empty: default). */
export interface SettingsDraft {
  idleMinutes: string;
  lifetimeHours: string;
  rateLimit: string;
}
export type SettingsField = 'sessionIdleTimeoutSeconds' | 'sessionLifetimeSeconds' | 'defaultApiKeyRateLimitPerMinute';
export interface SettingsInput {
  sessionIdleTimeoutSeconds?: number | null;
  sessionLifetimeSeconds?: number | null;
  defaultApiKeyRateLimitPerMinute?: number | null;
}

const asText = (n: number | null | undefined, per: number) => (n == null ? '' : String(Math.round((n / per) * 100) / 100));

export function settingsDraftOf(s: Settings): SettingsDraft {
  return {
    idleMinutes: asText(s.sessionIdleTimeoutSeconds, 60),
    lifetimeHours: asText(s.sessionLifetimeSeconds, 3600),
    rateLimit: s.defaultApiKeyRateLimitPerMinute == null ? '' : String(s.defaultApiKeyRateLimitPerMinute),
  };
}

/** updateOrganizationSettings' input: the changed settings only (empty: the platform's default). */
export function settingsInput(draft: SettingsDraft, current: Settings): { input: SettingsInput; errors: Partial<Record<SettingsField, string>> } {
  const { limits } = current;
  const errors: Partial<Record<SettingsField, string>> = {};
  const input: SettingsInput = {};
  const bounds = `from ${formatDuration(limits.sessionMinSeconds)} to ${formatDuration(limits.sessionMaxSeconds)}`;

  const seconds = (text: string, per: number): number | null | 'bad' => {
    const t = text.trim();
    if (!t) return null;
    const n = Number(t);
    return Number.isFinite(n) && n > 0 ? Math.round(n * per) : 'bad';
  };
  const idle = seconds(draft.idleMinutes, 60);
  const lifetime = seconds(draft.lifetimeHours, 3600);
  const inBounds = (n: number) => n >= limits.sessionMinSeconds && n <= limits.sessionMaxSeconds;
  if (idle === 'bad' || (idle != null && !inBounds(idle))) errors.sessionIdleTimeoutSeconds = `Choose ${bounds}, or leave empty.`;
  if (lifetime === 'bad' || (lifetime != null && !inBounds(lifetime))) errors.sessionLifetimeSeconds = `Choose ${bounds}, or leave empty.`;
  if (idle !== 'bad' && lifetime !== 'bad' && idle != null && !errors.sessionIdleTimeoutSeconds) {
    const effectiveLifetime = lifetime ?? limits.platformSessionLifetimeSeconds;
    if (idle > effectiveLifetime) errors.sessionIdleTimeoutSeconds = `Choose at most the session lifetime (${formatDuration(effectiveLifetime)}).`;
  }
  if (idle !== 'bad' && idle !== (current.sessionIdleTimeoutSeconds ?? null)) input.sessionIdleTimeoutSeconds = idle;
  if (lifetime !== 'bad' && lifetime !== (current.sessionLifetimeSeconds ?? null)) input.sessionLifetimeSeconds = lifetime;

  const rateText = draft.rateLimit.trim();
  const rate = rateText ? Number(rateText) : null;
  if (rate != null && (!Number.isInteger(rate) || rate < limits.apiKeyRateLimitMin || rate > limits.apiKeyRateLimitMax)) {
    errors.defaultApiKeyRateLimitPerMinute = `Enter a whole number from ${limits.apiKeyRateLimitMin} to ${limits.apiKeyRateLimitMax.toLocaleString('en')}, or leave empty.`;
  } else if (rate !== (current.defaultApiKeyRateLimitPerMinute ?? null)) input.defaultApiKeyRateLimitPerMinute = rate;
  return { input, errors };
}

/** updatePasswordPolicy's input: what changed; an error for a length outside the platform's bounds. */
export function passwordPolicyInput(
  draft: { minLength: string; rejectCommonPasswords: boolean },
  current: { minLength: number; rejectCommonPasswords: boolean; minLengthFloor: number; minLengthCeiling: number },
): { input: { minLength?: number; rejectCommonPasswords?: boolean }; error: string | null } {
  const text = draft.minLength.trim();
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < current.minLengthFloor || n > current.minLengthCeiling) {
    return { input: {}, error: `Enter a whole number from ${current.minLengthFloor} to ${current.minLengthCeiling}.` };
  }
  const input: { minLength?: number; rejectCommonPasswords?: boolean } = {};
  if (n !== current.minLength) input.minLength = n;
  if (draft.rejectCommonPasswords !== current.rejectCommonPasswords) input.rejectCommonPasswords = draft.rejectCommonPasswords;
  return { input, error: null };
}
