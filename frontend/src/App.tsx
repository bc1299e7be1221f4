import { lazy, Suspense, useEffect, useMemo, useState, useCallback, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes, Link, useNavigate } from 'react-router';
import { Provider } from 'urql';
import { makeClient, resetConnections } from './data/client';
import { LoginPage } from './pages/session/LoginPage';
import { SignedInLayout, SignedOutPage } from './pages/session/SignedInLayout';
import { DashboardHome } from './pages/home/DashboardHome';
import { MembersPage } from './pages/members/MembersPage';
import { ApiKeysPage } from './pages/apiKeys/ApiKeysPage';
import { AuditLogPage } from './pages/audit/AuditLogPage';
import { WebhooksPage } from './pages/webhooks/WebhooksPage';
import { WebhookDetailPage } from './pages/webhooks/WebhookDetailPage';
import { QuizzesPage } from './pages/quizzes/QuizzesPage';
import { LeaderboardPage } from './pages/leaderboard/LeaderboardPage';
import { StudentQuizzesPage } from './pages/take/StudentQuizzesPage';
import { QuizEditorPage } from './pages/quizzes/QuizEditorPage';
import { AttemptPage } from './pages/take/AttemptPage';
import { RequireSection } from './pages/session/RequireSection';
import { MyAccountPage } from './pages/account/MyAccountPage';
import { ResetPasswordPage } from './pages/account/ResetPasswordPage';
import { SessionContext, onSessionEnded, sessionEndedLoginPath, signedInSlug } from './data/session';
import { rememberedPortal } from './lib/portal';
import { Spinner } from './components/ui';

// The Analytics and Integrity pages (and the chart library) load when first opened, so the
// dashboard's main bundle doesn't carry them.
const OrgAnalyticsPage = lazy(() => import('./pages/analytics/OrgAnalyticsPage').then((m) => ({ default: m.OrgAnalyticsPage })));
const QuizAnalyticsPage = lazy(() => import('./pages/analytics/QuizAnalyticsPage').then((m) => ({ default: m.QuizAnalyticsPage })));
// The platform console (staff only), with its own client: loaded when /platform is opened.
const PlatformApp = lazy(() => import('./pages/platform/PlatformApp').then((m) => ({ default: m.PlatformApp })));
const IntegrityPage = lazy(() => import('./pages/integrity/IntegrityPage').then((m) => ({ default: m.IntegrityPage })));
const CertificatesPage = lazy(() => import('./pages/certificates/CertificatesPage').then((m) => ({ default: m.CertificatesPage })));
const MyCertificatesPage = lazy(() => import('./pages/certificates/MyCertificatesPage').then((m) => ({ default: m.MyCertificatesPage })));
const PaymentsPage = lazy(() => import('./pages/payments/PaymentsPage').then((m) => ({ default: m.PaymentsPage })));
const TournamentsPage = lazy(() => import('./pages/tournaments/TournamentsPage').then((m) => ({ default: m.TournamentsPage })));
const TournamentPage = lazy(() => import('./pages/tournaments/TournamentPage').then((m) => ({ default: m.TournamentPage })));
const TournamentFormPage = lazy(() => import('./pages/tournaments/TournamentFormPage').then((m) => ({ default: m.TournamentFormPage })));
const OrgSettingsPage = lazy(() => import('./pages/settings/OrgSettingsPage').then((m) => ({ default: m.OrgSettingsPage })));
const later = (page: ReactNode) => <Suspense fallback={<Spinner label="Loading…" />}>{page}</Suspense>;

export function App() {
  // A new client (empty cache) after every sign-in or sign-out.
  const [client, setClient] = useState(makeClient);
  const resetSession = useCallback(() => {
    resetConnections();
    setClient(makeClient());
  }, []);
  const session = useMemo(() => ({ resetSession }), [resetSession]);

  return (
    <SessionContext.Provider value={session}>
      <Provider value={client}>
        <BrowserRouter>
          <SessionWatcher onEnded={resetSession} />
          <Routes>
            <Route path="/org/:slug/portal/:portalCode/login" element={<LoginPage />} />
            <Route path="/org/:slug" element={<SignedInLayout area="dashboard" />}>
              <Route path="dashboard" element={<DashboardHome />} />
              <Route path="dashboard/account" element={<MyAccountPage />} />
              <Route path="dashboard/api-keys" element={<RequireSection id="apiKeys"><ApiKeysPage /></RequireSection>} />
              <Route path="dashboard/webhooks" element={<RequireSection id="webhooks"><WebhooksPage /></RequireSection>} />
              <Route path="dashboard/webhooks/:webhookId" element={<RequireSection id="webhooks"><WebhookDetailPage /></RequireSection>} />
              <Route path="dashboard/members" element={<RequireSection id="members"><MembersPage /></RequireSection>} />
              <Route path="dashboard/audit-log" element={<RequireSection id="auditLog"><AuditLogPage /></RequireSection>} />
              <Route path="dashboard/quizzes" element={<RequireSection id="quizzes"><QuizzesPage /></RequireSection>} />
              <Route path="dashboard/quizzes/new" element={<RequireSection id="quizzes"><QuizEditorPage /></RequireSection>} />
              <Route path="dashboard/quizzes/:quizId" element={<RequireSection id="quizzes"><QuizEditorPage /></RequireSection>} />
              <Route path="dashboard/leaderboard" element={<LeaderboardPage />} />
              <Route path="dashboard/tournaments" element={<RequireSection id="tournaments">{later(<TournamentsPage base="dashboard" />)}</RequireSection>} />
              <Route path="dashboard/tournaments/new" element={<RequireSection id="tournaments">{later(<TournamentFormPage />)}</RequireSection>} />
              <Route path="dashboard/tournaments/:tournamentId" element={<RequireSection id="tournaments">{later(<TournamentPage base="dashboard" />)}</RequireSection>} />
              <Route path="dashboard/tournaments/:tournamentId/edit" element={<RequireSection id="tournaments">{later(<TournamentFormPage />)}</RequireSection>} />
              <Route path="dashboard/analytics" element={<RequireSection id="analytics">{later(<OrgAnalyticsPage />)}</RequireSection>} />
              <Route path="dashboard/quizzes/:quizId/analytics" element={<RequireSection id="analytics">{later(<QuizAnalyticsPage />)}</RequireSection>} />
              <Route path="dashboard/integrity" element={<RequireSection id="integrity">{later(<IntegrityPage />)}</RequireSection>} />
              <Route path="dashboard/settings" element={<RequireSection id="settings">{later(<OrgSettingsPage />)}</RequireSection>} />
              <Route path="dashboard/payments" element={<RequireSection id="payments">{later(<PaymentsPage />)}</RequireSection>} />
              <Route path="dashboard/certificates" element={<RequireSection id="certificates">{later(<CertificatesPage />)}</RequireSection>} />
            </Route>
            <Route path="/org/:slug/quizzes" element={<SignedInLayout area="student" />}>
              <Route index element={<StudentQuizzesPage />} />
              <Route path="attempts/:attemptId" element={<AttemptPage />} />
              <Route path="leaderboard" element={<LeaderboardPage />} />
              <Route path="tournaments" element={later(<TournamentsPage base="quizzes" />)} />
              <Route path="tournaments/:tournamentId" element={later(<TournamentPage base="quizzes" />)} />
              <Route path="account" element={<MyAccountPage />} />
              {/* Everyone's own payments (payments:read holders see the org's in the dashboard). */}
              <Route path="payments" element={later(<PaymentsPage />)} />
              <Route path="certificates" element={later(<MyCertificatesPage />)} />
            </Route>
            <Route path="/org/:slug/signed-out" element={<SignedOutPage />} />
            <Route path="/org/:slug/reset-password" element={<ResetPasswordPage />} />
            <Route path="/platform/*" element={later(<PlatformApp />)} />
            <Route path="/" element={<Home />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </BrowserRouter>
      </Provider>
    </SessionContext.Provider>
  );
}

/**
 * Sends the user to their org's portal login ("Your session ended; sign in again") when any
 * answer says UNAUTHENTICATED, remembering the page to come back to. Login pages are left alone.
 */
function SessionWatcher({ onEnded }: { onEnded: () => void }) {
  const navigate = useNavigate();
  useEffect(
    () =>
      onSessionEnded(() => {
        const { pathname, search, hash } = window.location;
        const slug = signedInSlug(pathname);
        if (!slug) return;
        const here = `${pathname}${search}${hash}`;
        const portal = rememberedPortal(slug);
        onEnded();
        navigate(portal ? sessionEndedLoginPath(slug, portal, here) : `/org/${encodeURIComponent(slug)}/signed-out?next=${encodeURIComponent(here)}`, {
          replace: true,
        });
      }),
    [navigate, onEnded],
  );
  return null;
}

function Home() {
  return (
    <main className="center-page" id="main">
      <div className="card narrow">
        <h1>quizgraph</h1>
        <p>Open the sign-in link your organization gave you. It looks like <code>/org/your-school/portal/…/login</code>.</p>
      </div>
    </main>
  );
}

function NotFound() {
  return (
    <main className="center-page" id="main">
      <div className="card narrow">
        <h1>Page not found</h1>
        <p>There is nothing at this address.</p>
        <p>
          <Link to="/">Go to the start page</Link>
        </p>
      </div>
    </main>
  );
}
