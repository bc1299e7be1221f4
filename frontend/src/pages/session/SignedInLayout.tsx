import { useEffect, useMemo, useState } from 'react';
import { Link, NavLink, Navigate, Outlet, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useAction } from '../../data/useAction';
import { LogoutMutation, ViewerQuery } from './operations';
import { ViewerContext, useViewer } from '../../data/viewer';
import { isStaff, visibleSections } from '../../lib/nav';
import { loginPath, rememberedPortal } from '../../lib/portal';
import { SESSION_ENDED_MESSAGE, sessionEndedLoginPath, useSession } from '../../data/session';
import { ErrorMessage, Spinner } from '../../components/ui';
import { NotificationBell } from '../notifications/NotificationBell';
import { PasswordChangeRequiredPage } from '../account/PasswordChangeRequiredPage';

export function SignedInLayout({ area }: { area: 'dashboard' | 'student' }) {
  const { slug = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ViewerQuery, requestPolicy: 'cache-and-network' });
  const signOut = useSignOut(slug);
  const { resetSession } = useSession();
  const ctx = useMemo(
    () => (data ? { viewer: data.viewer, access: data.accessModel, slug, refetch: () => refetch({ requestPolicy: 'network-only' }) } : null),
    [data, slug, refetch],
  );

  if (!data && fetching) {
    return (
      <main className="center-page" id="main">
        <Spinner label="Loading…" />
      </main>
    );
  }
  if (!data) {
    return (
      <main className="center-page" id="main">
        <div className="card narrow">
          <ErrorMessage error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        </div>
      </main>
    );
  }
  const viewer = data.viewer;
  if (viewer.kind === 'ANONYMOUS' || !ctx) return <SignedOut slug={slug} />;
  if (viewer.passwordChangeRequired) {
    // Signed in with a temporary password: the API refuses everything else until it is changed.
    return (
      <PasswordChangeRequiredPage
        slug={slug}
        orgName={viewer.organization?.name ?? slug}
        onChanged={resetSession}
        onSignOut={() => void signOut()}
      />
    );
  }
  const orgSlug = viewer.organization?.slug;
  if (orgSlug && orgSlug !== slug && viewer.kind !== 'PLATFORM_ADMIN') {
    return (
      <main className="center-page" id="main">
        <div className="card narrow">
          <h1>Another organization</h1>
          <p>
            You are signed in to <strong>{viewer.organization?.name}</strong>, not to “{slug}”.
          </p>
          <p>
            <Link to={`/org/${orgSlug}/dashboard`}>Go to {viewer.organization?.name}</Link>
          </p>
        </div>
      </main>
    );
  }
  const staff = isStaff(viewer.role, viewer.scopes);
  if (area === 'dashboard' && !staff) return <Navigate to={`/org/${slug}/quizzes`} replace />;

  return (
    <ViewerContext.Provider value={ctx}>
      <Shell staff={staff} />
    </ViewerContext.Provider>
  );
}

function SignedOut({ slug }: { slug: string }) {
  const portal = rememberedPortal(slug);
  const location = useLocation();
  const here = `${location.pathname}${location.search}${location.hash}`;
  if (portal) return <Navigate to={sessionEndedLoginPath(slug, portal, here)} replace />;
  return <SignedOutCard />;
}

/** `/org/:slug/signed-out`: a session ended and this browser doesn't know the org's portal link. */
export function SignedOutPage() {
  const [params] = useSearchParams();
  return <SignedOutCard ended={params.has('next')} />;
}

function SignedOutCard({ ended = false }: { ended?: boolean }) {
  return (
    <main className="center-page" id="main">
      <div className="card narrow">
        <h1>Please sign in</h1>
        {ended && <p role="status">{SESSION_ENDED_MESSAGE}</p>}
        <p>Open your organization's sign-in link to continue.</p>
      </div>
    </main>
  );
}

/** Signs out and goes to the org's portal login (or the start page without one). */
function useSignOut(slug: string): () => Promise<void> {
  const logout = useAction(LogoutMutation);
  const navigate = useNavigate();
  const { resetSession } = useSession();
  return async () => {
    await logout.run({});
    const portal = rememberedPortal(slug);
    resetSession();
    navigate(portal ? loginPath(slug, portal) : '/', { replace: true });
  };
}

function Shell({ staff }: { staff: boolean }) {
  const { viewer, slug } = useViewer();
  const signOut = useSignOut(slug);
  const [menuOpen, setMenuOpen] = useState(false);
  const sections = staff ? visibleSections(viewer.scopes) : [];
  const base = `/org/${slug}/dashboard`;
  const accountPath = staff ? `${base}/account` : `/org/${slug}/quizzes/account`;

  useEffect(() => {
    document.title = `${viewer.organization?.name ?? slug} · quizgraph`;
  }, [viewer.organization?.name, slug]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="org-name">{viewer.organization?.name ?? slug}</span>
        </div>
        {staff && (
          <button
            type="button"
            className="btn btn-small menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen((o) => !o)}
          >
            Menu
          </button>
        )}
        {!staff && (
          <nav className="student-nav" aria-label="Student sections">
            <NavLink to={`/org/${slug}/quizzes`} end>
              Quizzes
            </NavLink>
            <NavLink to={`/org/${slug}/quizzes/leaderboard`}>Leaderboard</NavLink>
            <NavLink to={`/org/${slug}/quizzes/tournaments`}>Tournaments</NavLink>
            <NavLink to={`/org/${slug}/quizzes/payments`}>Payments</NavLink>
            <NavLink to={`/org/${slug}/quizzes/certificates`}>Certificates</NavLink>
          </nav>
        )}
        <div className="who">
          {staff && <NotificationBell />}
          <span className="who-name">
            {viewer.member?.displayName ?? viewer.kind}
            {viewer.role && <span className="badge">{viewer.role.toLowerCase()}</span>}
          </span>
          {viewer.kind === 'MEMBER' && (
            <NavLink className="btn btn-small" to={accountPath}>
              My account
            </NavLink>
          )}
          <button type="button" className="btn btn-small" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <div className="layout">
        {staff && (
          <nav id="main-nav" className={`sidenav${menuOpen ? ' open' : ''}`} aria-label="Dashboard sections">
            <ul>
              {sections.map((s) => (
                <li key={s.id}>
                  <NavLink to={s.path ? `${base}/${s.path}` : base} end onClick={() => setMenuOpen(false)}>
                    {s.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="main" className="content" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
