import { useCallback, useMemo, useState } from 'react';
import { NavLink, Navigate, Outlet, Route, Routes, useNavigate } from 'react-router';
import { Provider, useQuery } from 'urql';
import { useAction } from '../../data/useAction';
import { ErrorMessage, Spinner } from '../../components/ui';
import { makePlatformClient } from './client';
import { PlatformAdminQuery, PlatformLogoutMutation } from './operations';
import { PlatformLoginPage } from './PlatformLoginPage';
import { OrganizationsPage } from './OrganizationsPage';
import { OrganizationPage } from './OrganizationPage';
import { PlatformKeysPage } from './PlatformKeysPage';
import { PlatformLogPage } from './PlatformLogPage';

/**
 * The platform console at /platform/*: its own client (and so its own cookie, endpoint and
 * cache), its own sign-in, and a layout for staff. A new client after every sign-in or sign-out.
 */
export function PlatformApp() {
  const navigate = useNavigate();
  const signedOut = useCallback(() => {
    if (!window.location.pathname.startsWith('/platform/login')) navigate('/platform/login?reason=session-ended', { replace: true });
  }, [navigate]);
  const [generation, setGeneration] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a fresh client (empty cache) per generation
  const client = useMemo(() => makePlatformClient(signedOut), [generation, signedOut]);
  const restart = useCallback(() => setGeneration((g) => g + 1), []);

  return (
    <Provider value={client}>
      <Routes>
        <Route path="login" element={<PlatformLoginPage onSignedIn={restart} />} />
        <Route element={<ConsoleLayout onSignedOut={restart} />}>
          <Route index element={<Navigate to="/platform/organizations" replace />} />
          <Route path="organizations" element={<OrganizationsPage />} />
          <Route path="organizations/:orgId" element={<OrganizationPage />} />
          <Route path="keys" element={<PlatformKeysPage />} />
          <Route path="log" element={<PlatformLogPage />} />
        </Route>
        <Route path="*" element={<Navigate to="/platform/organizations" replace />} />
      </Routes>
    </Provider>
  );
}

function ConsoleLayout({ onSignedOut }: { onSignedOut: () => void }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: PlatformAdminQuery });
  const logout = useAction(PlatformLogoutMutation);
  const navigate = useNavigate();

  if (!data && fetching) {
    return (
      <main className="center-page" id="main">
        <Spinner label="Loading…" />
      </main>
    );
  }
  if (!data?.platformAdmin) {
    const unauthenticated = error?.graphQLErrors.some((e) => ['UNAUTHENTICATED', 'FORBIDDEN'].includes(String(e.extensions?.code)));
    if (unauthenticated || !error) return <Navigate to="/platform/login" replace />;
    return (
      <main className="center-page" id="main">
        <div className="card narrow">
          <ErrorMessage error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        </div>
      </main>
    );
  }

  async function signOut() {
    await logout.run({});
    onSignedOut();
    navigate('/platform/login', { replace: true });
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="org-name">quizgraph platform console</span>
        </div>
        <div className="who">
          <span className="who-name" data-testid="platform-admin">
            {data.platformAdmin.username}
            <span className="badge">staff</span>
          </span>
          <button type="button" className="btn btn-small" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <div className="layout">
        <nav className="sidenav" aria-label="Console sections">
          <ul>
            <li>
              <NavLink to="/platform/organizations">Organizations</NavLink>
            </li>
            <li>
              <NavLink to="/platform/keys">Platform keys</NavLink>
            </li>
            <li>
              <NavLink to="/platform/log">Platform log</NavLink>
            </li>
          </ul>
        </nav>
        <main className="content" id="main">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
