import { useEffect, useMemo, useRef, useState, type CSSProperties, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useViewer } from '../../data/viewer';
import { useAction } from '../../data/useAction';
import { canWriteOrg, canSee, sectionById } from '../../lib/nav';
import { uploadContext } from '../../lib/upload';
import { ErrorMessage, Field, Notice, Spinner } from '../../components/ui';
import { OrgSettingsQuery, UpdateOrganizationBrandingMutation, UpdateOrganizationSettingsMutation, UploadOrganizationLogoMutation } from './operations';
import {
  DEFAULT_COLOR,
  HEX_COLOR,
  LOGO_TYPES,
  brandingDraftOf,
  brandingInput,
  formatBytes,
  formatDuration,
  logoFileProblem,
  settingsDraftOf,
  settingsInput,
  type Branding,
  type BrandingDraft,
  type BrandingField,
  type Limits,
  type LogoMode,
  type Settings,
  type SettingsDraft,
  type SettingsField,
} from './model';
import { PasswordPolicySection } from './PasswordPolicySection';
import './settings.css';

/**
 * Organization settings: the owner (org:write) edits the name and branding (with a preview of the
 * portal's sign-in page), session lengths and the default rate limit of new keys; staff with
 * org:read see them. Integrity thresholds and the password policy live with their own rules.
 */
export function OrgSettingsPage() {
  const { viewer, slug } = useViewer();
  const canEdit = canWriteOrg(viewer.scopes);
  const [{ data, fetching, error }, refetch] = useQuery({ query: OrgSettingsQuery, variables: { slug }, requestPolicy: 'cache-and-network' });
  const org = data?.organization;

  useEffect(() => {
    document.title = 'Organization settings';
  }, []);

  return (
    <section aria-labelledby="settings-title" className="org-settings">
      <h1 id="settings-title">Organization settings</h1>
      {!canEdit && <Notice>Only the organization’s owner can change these settings; you can see them.</Notice>}
      {fetching && !org ? (
        <Spinner label="Loading the settings…" />
      ) : error && !org ? (
        <ErrorMessage error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : org?.settings ? (
        <>
          <BrandingSection current={org} limits={org.settings.limits} canEdit={canEdit} />
          <SessionsSection current={org.settings} canEdit={canEdit} />
          <RelatedRules canSeeIntegrity={canSee(sectionById('integrity'), viewer.scopes)} slug={slug} />
          {org.passwordPolicy && <PasswordPolicySection current={org.passwordPolicy} canEdit={canEdit} />}
        </>
      ) : null}
    </section>
  );
}

function BrandingSection({ current, limits, canEdit }: { current: Branding; limits: Limits; canEdit: boolean }) {
  const update = useAction(UpdateOrganizationBrandingMutation);
  const [draft, setDraft] = useState<BrandingDraft>(() => brandingDraftOf(current));
  const [errors, setErrors] = useState<Partial<Record<BrandingField, string>>>({});
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<BrandingDraft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...patch }));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const { input, errors: found } = brandingInput(draft, current, limits);
    setErrors(found);
    if (Object.keys(found).length) return;
    if (Object.keys(input).length === 0) {
      setSaved(true);
      return;
    }
    const r = await update.run({ input });
    if (r.ok) {
      // The saved values, tidied by the server (a colour in lower case, text trimmed).
      setDraft(brandingDraftOf(r.data.updateOrganizationBranding.organization));
      setSaved(true);
    }
  }

  const previewLogo = draft.logoMode === 'url' ? draft.logoUrl.trim() || null : draft.logoMode === 'upload' ? current.branding.logoUrl : null;
  const fieldError = (f: BrandingField) => errors[f] ?? update.fieldErrors[f];
  return (
    <section aria-labelledby="branding-title" className="card">
      <h2 id="branding-title">Name and branding</h2>
      <p className="small muted">What everyone sees on your portal’s sign-in page, before signing in.</p>
      <div className="branding-layout">
        <form onSubmit={submit} aria-label="Name and branding" noValidate>
          <fieldset disabled={!canEdit || update.busy}>
            <Field label="Name" error={fieldError('name')}>
              {(p) => <input {...p} name="name" maxLength={limits.nameMaxLength} value={draft.name} onChange={(e) => set({ name: e.target.value })} />}
            </Field>
            <Field label="Primary colour" hint="# and six hex digits; empty for the default." error={fieldError('primaryColor')}>
              {(p) => (
                <div className="color-row">
                  <input {...p} name="primaryColor" placeholder={DEFAULT_COLOR} value={draft.primaryColor} onChange={(e) => set({ primaryColor: e.target.value })} />
                  <input
                    type="color"
                    aria-label="Pick the primary colour"
                    value={HEX_COLOR.test(draft.primaryColor.trim()) ? draft.primaryColor.trim().toLowerCase() : DEFAULT_COLOR}
                    onChange={(e) => set({ primaryColor: e.target.value })}
                  />
                </div>
              )}
            </Field>
            <Field label="Tagline" hint={`A line under the name, at most ${limits.taglineMaxLength} characters.`} error={fieldError('tagline')}>
              {(p) => <input {...p} name="tagline" maxLength={limits.taglineMaxLength} value={draft.tagline} onChange={(e) => set({ tagline: e.target.value })} />}
            </Field>
            <LogoChoice draft={draft} set={set} error={fieldError('logoUrl')} />
          </fieldset>
          <ErrorMessage message={update.error} />
          {saved && <Notice kind="success">The branding is saved; the sign-in page shows it now.</Notice>}
          {canEdit && (
            <div className="actions">
              <button type="submit" className="btn btn-primary" disabled={update.busy}>
                {update.busy ? 'Saving…' : 'Save the branding'}
              </button>
            </div>
          )}
        </form>
        <div>
          <Preview name={draft.name.trim() || current.name} color={draft.primaryColor.trim()} tagline={draft.tagline.trim()} logoUrl={previewLogo} />
          {canEdit && draft.logoMode === 'upload' && <LogoUpload maxBytes={limits.logoMaxBytes} hasUpload={current.branding.logoUrl?.startsWith('/') ?? false} />}
        </div>
      </div>
    </section>
  );
}

const LOGO_MODES: { mode: LogoMode; label: string }[] = [
  { mode: 'none', label: 'No logo' },
  { mode: 'upload', label: 'Upload an image' },
  { mode: 'url', label: 'Use an image address' },
];

function LogoChoice({ draft, set, error }: { draft: BrandingDraft; set: (p: Partial<BrandingDraft>) => void; error?: string }) {
  return (
    <fieldset className="logo-choice">
      <legend>Logo</legend>
      <div className="choices-inline">
        {LOGO_MODES.map(({ mode, label }) => (
          <label key={mode} className="choice-inline">
            <input type="radio" name="logoMode" value={mode} checked={draft.logoMode === mode} onChange={() => set({ logoMode: mode })} />
            {label}
          </label>
        ))}
      </div>
      {draft.logoMode === 'url' && (
        <Field label="Image address" hint="An https:// address of a PNG, JPEG, WebP or SVG image." error={error}>
          {(p) => <input {...p} name="logoUrl" type="url" inputMode="url" placeholder="https://example.org/logo.png" value={draft.logoUrl} onChange={(e) => set({ logoUrl: e.target.value })} />}
        </Field>
      )}
      {draft.logoMode === 'upload' && <p className="small muted">Choose the image beside the preview; it is saved when uploaded.</p>}
    </fieldset>
  );
}

/** Uploads a logo at once (its own mutation); the server checks what the file really is. */
function LogoUpload({ maxBytes, hasUpload }: { maxBytes: number; hasUpload: boolean }) {
  const upload = useAction(UploadOrganizationLogoMutation);
  const fileRef = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function send(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const file = fileRef.current?.files?.[0];
    const found = file ? logoFileProblem(file, maxBytes) : 'Choose an image to upload.';
    setProblem(found);
    if (found || !file) return;
    const r = await upload.run({ input: { file } }, uploadContext());
    if (r.ok) {
      setDone(true);
      if (fileRef.current) fileRef.current.value = '';
    }
  }

  return (
    <form className="logo-upload" onSubmit={send} aria-label="Upload a logo" noValidate>
      <Field label={hasUpload ? 'Replace the logo' : 'Logo image'} hint={`PNG, JPEG or WebP, at most ${formatBytes(maxBytes)}.`} error={problem ?? upload.fieldErrors.file}>
        {(p) => <input {...p} ref={fileRef} name="logo" type="file" accept={LOGO_TYPES.join(',')} onChange={() => setProblem(null)} />}
      </Field>
      <ErrorMessage message={upload.fieldErrors.file ? null : upload.error} />
      {done && <Notice kind="success">The logo is uploaded.</Notice>}
      <button type="submit" className="btn" disabled={upload.busy}>
        {upload.busy ? 'Uploading…' : 'Upload the logo'}
      </button>
    </form>
  );
}

/** The portal's sign-in card as it will look (the login page's own classes and accent). */
function Preview({ name, color, tagline, logoUrl }: { name: string; color: string; tagline: string; logoUrl: string | null }) {
  const accent = HEX_COLOR.test(color) ? color : DEFAULT_COLOR;
  return (
    <figure className="branding-preview" aria-label="Preview of the sign-in page">
      <div className="card login-card" style={{ '--accent': accent } as CSSProperties} data-testid="branding-preview">
        <header className="login-header">
          {logoUrl && <img className="org-logo" src={logoUrl} alt="" />}
          <p className="preview-name">{name}</p>
          {tagline && <p className="tagline">{tagline}</p>}
        </header>
        <div className="btn btn-primary btn-block" aria-hidden="true">
          Sign in
        </div>
      </div>
      <figcaption className="small muted">Preview of the sign-in page</figcaption>
    </figure>
  );
}

function SessionsSection({ current, canEdit }: { current: Settings; canEdit: boolean }) {
  const update = useAction(UpdateOrganizationSettingsMutation);
  const [draft, setDraft] = useState<SettingsDraft>(() => settingsDraftOf(current));
  const [errors, setErrors] = useState<Partial<Record<SettingsField, string>>>({});
  const [saved, setSaved] = useState(false);
  const { limits } = current;
  const bounds = useMemo(() => `${formatDuration(limits.sessionMinSeconds)} to ${formatDuration(limits.sessionMaxSeconds)}`, [limits]);
  const set = (patch: Partial<SettingsDraft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...patch }));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const { input, errors: found } = settingsInput(draft, current);
    setErrors(found);
    if (Object.keys(found).length) return;
    if (Object.keys(input).length === 0) {
      setSaved(true);
      return;
    }
    const r = await update.run({ input });
    const updated = r.ok ? r.data.updateOrganizationSettings.organization.settings : null;
    if (updated) {
      setDraft(settingsDraftOf(updated));
      setSaved(true);
    }
  }

  const fieldError = (f: SettingsField) => errors[f] ?? update.fieldErrors[f];
  return (
    <section aria-labelledby="sessions-title" className="card">
      <h2 id="sessions-title">Sign-in sessions and API keys</h2>
      <form onSubmit={submit} aria-label="Sessions and API keys" noValidate>
        <fieldset disabled={!canEdit || update.busy}>
          <div className="settings-grid">
            <Field
              label="Idle timeout (minutes)"
              hint={`A session unused this long ends; applies to open sessions too. Empty: the platform’s ${formatDuration(limits.platformSessionIdleTimeoutSeconds)}. From ${bounds}.`}
              error={fieldError('sessionIdleTimeoutSeconds')}
            >
              {(p) => (
                <input
                  {...p}
                  name="idleMinutes"
                  type="number"
                  inputMode="decimal"
                  min={limits.sessionMinSeconds / 60}
                  max={limits.sessionMaxSeconds / 60}
                  placeholder={String(limits.platformSessionIdleTimeoutSeconds / 60)}
                  value={draft.idleMinutes}
                  onChange={(e) => set({ idleMinutes: e.target.value })}
                />
              )}
            </Field>
            <Field
              label="Session lifetime (hours)"
              hint={`A session ends this long after signing in, however active; applies to later sign-ins. Empty: the platform’s ${formatDuration(limits.platformSessionLifetimeSeconds)}.`}
              error={fieldError('sessionLifetimeSeconds')}
            >
              {(p) => (
                <input
                  {...p}
                  name="lifetimeHours"
                  type="number"
                  inputMode="decimal"
                  step="any"
                  min={limits.sessionMinSeconds / 3600}
                  max={limits.sessionMaxSeconds / 3600}
                  placeholder={String(limits.platformSessionLifetimeSeconds / 3600)}
                  value={draft.lifetimeHours}
                  onChange={(e) => set({ lifetimeHours: e.target.value })}
                />
              )}
            </Field>
            <Field
              label="Default rate limit of new API keys (requests per minute)"
              hint={`For keys created without one; existing keys keep theirs. Empty: the platform’s ${limits.platformApiKeyRateLimitPerMinute}.`}
              error={fieldError('defaultApiKeyRateLimitPerMinute')}
            >
              {(p) => (
                <input
                  {...p}
                  name="rateLimit"
                  type="number"
                  inputMode="numeric"
                  min={limits.apiKeyRateLimitMin}
                  max={limits.apiKeyRateLimitMax}
                  placeholder={String(limits.platformApiKeyRateLimitPerMinute)}
                  value={draft.rateLimit}
                  onChange={(e) => set({ rateLimit: e.target.value })}
                />
              )}
            </Field>
          </div>
        </fieldset>
        <ErrorMessage message={update.error} />
        {saved && <Notice kind="success">The settings are saved.</Notice>}
        {canEdit && (
          <div className="actions">
            <button type="submit" className="btn btn-primary" disabled={update.busy}>
              {update.busy ? 'Saving…' : 'Save the settings'}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}

function RelatedRules({ canSeeIntegrity, slug }: { canSeeIntegrity: boolean; slug: string }): ReactNode {
  return (
    <section aria-labelledby="integrity-settings-title" className="card">
      <h2 id="integrity-settings-title">Integrity thresholds</h2>
      <p>
        What flags an attempt for review (page switches, time away, devices…) is set with the integrity records.{' '}
        {canSeeIntegrity ? <Link to={`/org/${encodeURIComponent(slug)}/dashboard/integrity`}>Open the integrity rules</Link> : 'Your role doesn’t include integrity.'}
      </p>
    </section>
  );
}
