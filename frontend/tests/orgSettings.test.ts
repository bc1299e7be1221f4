import { describe, expect, it } from 'vitest';
import { sentenceText } from '../src/lib/auditSentence';
import {
  brandingDraftOf,
  brandingInput,
  formatDuration,
  logoFileProblem,
  logoModeOf,
  passwordPolicyInput,
  settingsDraftOf,
  settingsInput,
  type Branding,
  type Settings,
} from '../src/pages/settings/model';

const LIMITS = {
  __typename: 'OrganizationSettingsLimits' as const,
  sessionMinSeconds: 300,
  sessionMaxSeconds: 30 * 86400,
  platformSessionIdleTimeoutSeconds: 8 * 3600,
  platformSessionLifetimeSeconds: 7 * 86400,
  apiKeyRateLimitMin: 1,
  apiKeyRateLimitMax: 10000,
  platformApiKeyRateLimitPerMinute: 600,
  logoMaxBytes: 512 * 1024,
  nameMaxLength: 200,
  taglineMaxLength: 200,
};
const current: Branding = { name: 'Riverside', branding: { __typename: 'Branding', primaryColor: '#1d4ed8', logoUrl: '/orgs/riverside/logo?v=abc', tagline: null } };
const settings: Settings = { __typename: 'OrganizationSettings', sessionIdleTimeoutSeconds: null, sessionLifetimeSeconds: 7200, defaultApiKeyRateLimitPerMinute: null, limits: LIMITS };

describe('the branding form', () => {
  it('tells an uploaded logo (a path on this server) from an address', () => {
    expect(logoModeOf('/orgs/x/logo?v=1')).toBe('upload');
    expect(logoModeOf('https://example.org/a.png')).toBe('url');
    expect(logoModeOf(null)).toBe('none');
  });

  it('sends only what changed, an emptied box as null', () => {
    const draft = { ...brandingDraftOf(current), primaryColor: '#0F766E', tagline: ' Hello ' };
    expect(brandingInput(draft, current, LIMITS)).toEqual({ input: { primaryColor: '#0f766e', tagline: 'Hello' }, errors: {} });
    expect(brandingInput({ ...brandingDraftOf(current), primaryColor: '' }, current, LIMITS).input).toEqual({ primaryColor: null });
    expect(brandingInput(brandingDraftOf(current), current, LIMITS).input).toEqual({});
  });

  it('keeps an upload unless another option is chosen', () => {
    const draft = brandingDraftOf(current);
    expect(draft.logoMode).toBe('upload');
    expect(brandingInput({ ...draft, logoMode: 'none' }, current, LIMITS).input).toEqual({ logoUrl: null });
    expect(brandingInput({ ...draft, logoMode: 'url', logoUrl: 'https://example.org/l.png' }, current, LIMITS).input).toEqual({
      logoUrl: 'https://example.org/l.png',
    });
  });

  it('says what the server would refuse, by field', () => {
    const bad = { ...brandingDraftOf(current), name: ' ', primaryColor: 'blue', tagline: 'x'.repeat(201), logoMode: 'url' as const, logoUrl: 'http://x.org/a.png' };
    const { input, errors } = brandingInput(bad, current, LIMITS);
    expect(Object.keys(errors).sort()).toEqual(['logoUrl', 'name', 'primaryColor', 'tagline']);
    expect(input).toEqual({});
  });

  it('checks a logo file before sending it', () => {
    expect(logoFileProblem({ type: 'image/svg+xml', size: 10 }, 1000)).toMatch(/PNG, JPEG or WebP/);
    expect(logoFileProblem({ type: 'image/png', size: 1001 }, 1000)).toMatch(/larger than/);
    expect(logoFileProblem({ type: 'image/webp', size: 1000 }, 1000)).toBeNull();
  });
});

describe('the sessions form', () => {
  it('shows the org’s own values in minutes and hours, empty for the defaults', () => {
    expect(settingsDraftOf(settings)).toEqual({ idleMinutes: '', lifetimeHours: '2', rateLimit: '' });
  });

  it('sends seconds, only for what changed, empty as null', () => {
    const { input, errors } = settingsInput({ idleMinutes: '30', lifetimeHours: '', rateLimit: '120' }, settings);
    expect(errors).toEqual({});
    expect(input).toEqual({ sessionIdleTimeoutSeconds: 1800, sessionLifetimeSeconds: null, defaultApiKeyRateLimitPerMinute: 120 });
  });

  it('refuses values outside the platform’s bounds and an idle timeout past the lifetime', () => {
    expect(settingsInput({ idleMinutes: '1', lifetimeHours: '2', rateLimit: '' }, settings).errors.sessionIdleTimeoutSeconds).toMatch(/5 minutes to 30 days/);
    expect(settingsInput({ idleMinutes: '', lifetimeHours: '1000', rateLimit: '' }, settings).errors.sessionLifetimeSeconds).toMatch(/30 days/);
    expect(settingsInput({ idleMinutes: '180', lifetimeHours: '2', rateLimit: '' }, settings).errors.sessionIdleTimeoutSeconds).toMatch(/2 hours/);
    expect(settingsInput({ idleMinutes: '', lifetimeHours: '2', rateLimit: '0' }, settings).errors.defaultApiKeyRateLimitPerMinute).toMatch(/1 to 10,000/);
    expect(settingsInput({ idleMinutes: 'abc', lifetimeHours: '2', rateLimit: '1.5' }, settings).errors).toHaveProperty('defaultApiKeyRateLimitPerMinute');
  });

  it('says durations in words', () => {
    expect([formatDuration(300), formatDuration(28800), formatDuration(604800), formatDuration(5400)]).toEqual(['5 minutes', '8 hours', '7 days', '1.5 hours']);
  });
});

describe('the password policy form', () => {
  const policy = { minLength: 10, rejectCommonPasswords: true, minLengthFloor: 8, minLengthCeiling: 64 };
  it('sends what changed, within the platform’s bounds', () => {
    expect(passwordPolicyInput({ minLength: '12', rejectCommonPasswords: true }, policy)).toEqual({ input: { minLength: 12 }, error: null });
    expect(passwordPolicyInput({ minLength: '10', rejectCommonPasswords: false }, policy).input).toEqual({ rejectCommonPasswords: false });
    expect(passwordPolicyInput({ minLength: '7', rejectCommonPasswords: true }, policy).error).toMatch(/from 8 to 64/);
    expect(passwordPolicyInput({ minLength: '9.5', rejectCommonPasswords: true }, policy).error).toMatch(/whole number/);
  });
});

describe('the audit log’s sentences for org settings', () => {
  const event = (action: string, details: unknown) => ({ action, actorKind: 'MEMBER', actorLabel: 'owner', details });
  it('says what changed, from what to what', () => {
    expect(sentenceText(event('org.branding_updated', { name: { from: 'Old', to: 'New' }, primaryColor: { from: null, to: '#0f766e' } }))).toBe(
      'owner changed the branding (name: Old → New; primaryColor: default → #0f766e)',
    );
    expect(sentenceText(event('org.settings_updated', { sessionLifetimeSeconds: { from: 7200, to: null } }))).toBe(
      'owner changed the settings (sessionLifetimeSeconds: 7200 → default)',
    );
    expect(sentenceText(event('org.logo_uploaded', { bytes: 10, contentType: 'image/png' }))).toBe('owner uploaded a new logo');
  });
});
