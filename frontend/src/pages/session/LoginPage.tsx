import { useEffect, useRef, useState, type CSSProperties, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useAction } from '../../data/useAction';
import { LoginMutation, PublicOrganizationQuery } from './operations';
import { loginErrorMessage } from '../../lib/errors';
import { landingPath } from '../../lib/nav';
import { rememberPortal } from '../../lib/portal';
import { SESSION_ENDED_MESSAGE, isSessionEndedReason, safeNext, useSession } from '../../data/session';
import { Field, Notice, Spinner } from '../../components/ui';

export function LoginPage() {
  const { slug = '', portalCode = '' } = useParams();
  const navigate = useNavigate();
  const login = useAction(LoginMutation);
  const { resetSession } = useSession();
  const [params] = useSearchParams();
  const sessionEnded = isSessionEndedReason(params);
  const [org] = useQuery({ query: PublicOrganizationQuery, variables: { slug }, requestPolicy: 'cache-first' });
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const errorRef = useRef<HTMLDivElement>(null);

  // Count down a rate limit so the message stays true.
  useEffect(() => {
    if (waitUntil == null) return;
    const t = setInterval(() => {
      const n = Date.now();
      setNow(n);
      if (n >= waitUntil) {
        setWaitUntil(null);
        setError(null);
      }
    }, 1000);
    return () => clearInterval(t);
  }, [waitUntil]);
  const secondsLeft = waitUntil == null ? 0 : Math.max(0, Math.ceil((waitUntil - now) / 1000));

  const organization = org.data?.organization ?? null;
  const branding = organization?.branding ?? null;
  const orgName = organization?.name ?? slug;

  useEffect(() => {
    document.title = `Sign in · ${orgName}`;
  }, [orgName]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (busy || secondsLeft > 0) return;
    if (!username.trim() || !password) {
      setError('Enter your username and password.');
      return;
    }
    setBusy(true);
    setError(null);
    const result = await login.run({ input: { orgSlug: slug, portalCode, username: username.trim(), password } });
    setBusy(false);
    if (!result.ok) {
      const info = result.failure;
      setPassword('');
      if (info.code === 'RATE_LIMITED' && info.retryAfterSeconds != null) {
        setWaitUntil(Date.now() + info.retryAfterSeconds * 1000);
        setNow(Date.now());
      }
      setError(loginErrorMessage(info));
      requestAnimationFrame(() => errorRef.current?.focus());
      return;
    }
    const viewer = result.data.login.viewer;
    rememberPortal(slug, portalCode);
    resetSession();
    const targetSlug = viewer.organization?.slug ?? slug;
    // Back to the page the user was on when the session ended (same org only).
    const next = safeNext(params.get('next'), targetSlug);
    navigate(next ?? landingPath(targetSlug, viewer.role, viewer.scopes), { replace: true });
  }

  const rateMessage = waitUntil != null && secondsLeft > 0
    ? `Too many attempts. Try again in ${secondsLeft} ${secondsLeft === 1 ? 'second' : 'seconds'}.`
    : null;
  const shownError = rateMessage ?? error;
  const accent = branding?.primaryColor && /^#[0-9a-f]{3,8}$/i.test(branding.primaryColor) ? branding.primaryColor : undefined;

  return (
    <main className="center-page" id="main" style={accent ? ({ '--accent': accent } as CSSProperties) : undefined}>
      <div className="card narrow login-card">
        {org.fetching && !org.data ? (
          <Spinner label="Loading your organization…" />
        ) : (
          <header className="login-header">
            {branding?.logoUrl && <img className="org-logo" src={branding.logoUrl} alt="" />}
            <h1>{orgName}</h1>
            {branding?.tagline && <p className="tagline">{branding.tagline}</p>}
          </header>
        )}
        <form onSubmit={onSubmit} noValidate aria-describedby={shownError ? 'login-error' : undefined}>
          <h2 className="form-title">Sign in</h2>
          {sessionEnded && !shownError && <Notice kind="warning">{SESSION_ENDED_MESSAGE}</Notice>}
          <div
            id="login-error"
            ref={errorRef}
            tabIndex={-1}
            className={shownError ? 'alert alert-error' : 'visually-hidden'}
            role="alert"
            aria-live="assertive"
          >
            {shownError}
          </div>
          <Field label="Username">
            {(p) => (
              <input
                {...p}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                required
              />
            )}
          </Field>
          <Field label="Password">
            {(p) => (
              <input
                {...p}
                name="password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                required
              />
            )}
          </Field>
          <button type="submit" className="btn btn-primary btn-block" disabled={busy || secondsLeft > 0}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}
