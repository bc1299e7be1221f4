import { Link } from 'react-router';
import { useQuery } from 'urql';
import { TournamentsQuery } from './operations';
import { STATUS_LABELS } from './model';
import type { TournamentFieldsFragment } from '../../gql/graphql';
import { useViewer } from '../../data/viewer';
import { useCursorPager } from '../../lib/pagination';
import { formatDateTime } from '../../lib/format';
import { ConnectionTable } from '../../components/ConnectionTable';

const PAGE = 20;

/** The org's tournaments: staff see all and make new ones; members those they may enter. */
export function TournamentsPage({ base }: { base: 'dashboard' | 'quizzes' }) {
  const { slug, viewer } = useViewer();
  const staff = viewer.scopes.includes('quizzes:write');
  const pager = useCursorPager();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: TournamentsQuery,
    variables: { slug, first: PAGE, after: pager.after },
    requestPolicy: 'cache-and-network',
  });
  const connection = data?.organization?.tournaments;
  const root = `/org/${slug}/${base}/tournaments`;
  return (
    <section aria-labelledby="tournaments-title">
      <div className="page-head">
        <h1 id="tournaments-title">Tournaments</h1>
        {staff && (
          <Link className="btn btn-primary" to={`${root}/new`}>
            New tournament
          </Link>
        )}
      </div>
      <ConnectionTable<TournamentFieldsFragment>
        label="Tournaments"
        testId="tournaments"
        fetching={fetching}
        error={error}
        connection={connection}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        pager={pager}
        loadingLabel="Loading tournaments…"
        empty={<p className="empty">No tournaments yet.{staff ? ' Make one from published quizzes.' : ''}</p>}
        rowKey={(t) => t.id}
        columns={[
          { header: 'Name', rowHeader: true, cell: (t) => <Link to={`${root}/${encodeURIComponent(t.id)}`}>{t.name}</Link> },
          { header: 'Status', cell: (t) => <span className={`badge status-${t.status.toLowerCase()}`}>{STATUS_LABELS[t.status]}</span> },
          { header: 'Starts', cell: (t) => formatDateTime(t.startsAt) },
          { header: 'Ends', cell: (t) => formatDateTime(t.endsAt) },
          { header: 'Rounds', cell: (t) => t.rounds.length },
          { header: 'Entrants', cell: (t) => (t.maxEntrants == null ? t.entrantCount : `${t.entrantCount} / ${t.maxEntrants}`) },
          { header: 'You', cell: (t) => (t.viewerHasEntered ? 'Entered' : '') },
        ]}
      />
    </section>
  );
}
