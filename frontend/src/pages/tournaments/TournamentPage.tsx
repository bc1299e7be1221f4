import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery, useSubscription } from 'urql';
import {
  EndTournamentMutation,
  RegisterForTournamentMutation,
  StartTournamentMutation,
  TournamentBoardSubscription,
  TournamentQuery,
  WithdrawFromTournamentMutation,
} from './operations';
import { STATUS_LABELS, feeText } from './model';
import { StartAttemptMutation } from '../take/operations';
import type { TournamentStandingFieldsFragment } from '../../gql/graphql';
import { useViewer } from '../../data/viewer';
import { useAction } from '../../data/useAction';
import { formatDateTime } from '../../lib/format';
import { formatDuration } from '../../lib/countdown';
import { ConfirmDialog, ErrorMessage, Spinner } from '../../components/ui';

const TOP = 50;
type Standing = TournamentStandingFieldsFragment;

/** One tournament: its rounds (to play, for entrants while it runs), its live board, its winners. */
export function TournamentPage({ base }: { base: 'dashboard' | 'quizzes' }) {
  const { slug, viewer } = useViewer();
  const { tournamentId = '' } = useParams();
  const staff = viewer.scopes.includes('quizzes:write');
  const navigate = useNavigate();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: TournamentQuery,
    variables: { id: tournamentId, first: TOP },
    requestPolicy: 'cache-and-network',
  });
  const tournament = data?.node?.__typename === 'Tournament' ? data.node : null;
  const [sub] = useSubscription({ query: TournamentBoardSubscription, variables: { id: tournamentId, top: TOP }, pause: !tournament });
  const live = sub.data?.tournamentLeaderboardUpdated;
  // The subscription's newest message wins over the page's first read of the board.
  const board: readonly Standing[] = live?.entries ?? tournament?.leaderboard.edges.map((e) => e.node) ?? [];
  const liveStatus = live?.status;
  useEffect(() => {
    // The status moved (started or ended by the scheduler): read the tournament again.
    if (liveStatus && tournament && liveStatus !== tournament.status) reexecute({ requestPolicy: 'network-only' });
  }, [liveStatus, tournament, reexecute]);

  const register = useAction(RegisterForTournamentMutation);
  const start = useAction(StartTournamentMutation);
  const end = useAction(EndTournamentMutation);
  const play = useAction(StartAttemptMutation);
  const withdraw = useAction(WithdrawFromTournamentMutation);
  const [confirmingWithdrawal, setConfirmingWithdrawal] = useState(false);
  const [withdrawn, setWithdrawn] = useState<string | null>(null);
  if (fetching && !tournament) return <Spinner label="Loading the tournament…" />;
  if (error || !tournament) return <ErrorMessage error={error} message={error ? null : 'No such tournament.'} />;

  const status = live?.status ?? tournament.status;
  const running = status === 'RUNNING';
  const myId = viewer.member?.id;
  const winners = status === 'ENDED' ? (tournament.winners.length ? tournament.winners : board.filter((s) => s.winner)) : [];
  const failure = register.error ?? start.error ?? end.error ?? play.error;

  async function confirmWithdrawal() {
    if (!tournament) return;
    const r = await withdraw.run({ input: { id: tournament.id } });
    if (!r.ok) return;
    setConfirmingWithdrawal(false);
    setWithdrawn(r.data.withdrawFromTournament.message);
  }

  async function playRound(quizId: string) {
    const r = await play.run({ input: { quizId } });
    if (r.ok) navigate(`/org/${slug}/quizzes/attempts/${encodeURIComponent(r.data.startAttempt.attempt.id)}`, { state: { attempt: r.data.startAttempt.attempt } });
  }

  return (
    <section aria-labelledby="t-title" data-testid="tournament">
      <div className="page-head">
        <h1 id="t-title">{tournament.name}</h1>
        <span className={`badge status-${status.toLowerCase()}`} data-testid="tournament-status">
          {STATUS_LABELS[status]}
        </span>
      </div>
      <dl className="card facts">
        <dt>Starts</dt>
        <dd>{formatDateTime(tournament.startedAt ?? tournament.startsAt)}</dd>
        <dt>Ends</dt>
        <dd>{formatDateTime(tournament.endedAt ?? tournament.endsAt)}</dd>
        <dt>Entrants</dt>
        <dd data-testid="tournament-entrants">
          {tournament.entrantCount}
          {tournament.maxEntrants != null && ` of at most ${tournament.maxEntrants}`}
        </dd>
        <dt>Entry</dt>
        <dd>
          {tournament.entryRule === 'EVERY_MEMBER' && 'Every member'}
          {tournament.entryRule === 'ROLES' && `Members who are ${tournament.entryRoles.map((r) => r.toLowerCase()).join(' or ')}`}
          {tournament.entryRule === 'REGISTERED' && 'Registered members only'}
          {tournament.entryFee && `, fee ${feeText(tournament.entryFee.amount, tournament.entryFee.currency)}`}
        </dd>
        <dt>Winners</dt>
        <dd>Top {tournament.winnersCount}{tournament.certificatesForWinners && ', with certificates'}</dd>
      </dl>
      <div className="actions">
        {tournament.viewerHasEntered ? (
          <>
            <span className="badge" data-testid="tournament-entered">You have entered</span>
            {status === 'SCHEDULED' && (
              <button
                type="button"
                className="btn"
                onClick={() => {
                  withdraw.reset();
                  setConfirmingWithdrawal(true);
                }}
              >
                Withdraw
              </button>
            )}
          </>
        ) : (
          tournament.viewerCanRegister && (
            <button type="button" className="btn btn-primary" disabled={register.busy} onClick={() => register.run({ input: { id: tournament.id } })}>
              Register
            </button>
          )
        )}
        {!tournament.viewerHasEntered && !tournament.viewerCanRegister && tournament.entryFee && tournament.registrationOpen && (
          <p className="muted">Pay the entry fee through your organization to be registered.</p>
        )}
        {staff && status === 'SCHEDULED' && (
          <>
            <Link className="btn" to={`/org/${slug}/dashboard/tournaments/${encodeURIComponent(tournament.id)}/edit`}>
              Edit
            </Link>
            <button type="button" className="btn" disabled={start.busy} onClick={() => start.run({ input: { id: tournament.id } })}>
              Start now
            </button>
          </>
        )}
        {staff && running && (
          <button type="button" className="btn btn-danger" disabled={end.busy} onClick={() => end.run({ input: { id: tournament.id } })}>
            End now
          </button>
        )}
      </div>
      {failure && <ErrorMessage message={failure} />}
      {withdrawn && !tournament.viewerHasEntered && (
        <p role="status" data-testid="tournament-withdrawn">
          {withdrawn}
        </p>
      )}
      <ConfirmDialog
        open={confirmingWithdrawal}
        title="Withdraw from the tournament?"
        confirmLabel="Withdraw"
        danger
        busy={withdraw.busy}
        error={withdraw.error}
        onConfirm={() => void confirmWithdrawal()}
        onCancel={() => setConfirmingWithdrawal(false)}
      >
        <p>
          You will no longer be an entrant of {tournament.name}. You can register again while registration is open
          {tournament.maxEntrants != null && ', if a place is still free'}.
        </p>
        {tournament.entryFee && (
          <p>
            <strong>Your entry fee is not refunded by withdrawing</strong>: entering again needs a new payment. Ask your
            organization about a refund.
          </p>
        )}
      </ConfirmDialog>
      <h2>Rounds</h2>
      <ol className="rounds" data-testid="tournament-round-list">
        {tournament.rounds.map((r) => (
          <li key={r.position}>
            {r.quiz?.title ?? 'A quiz not open to you now'}{' '}
            {running && r.quiz && (tournament.viewerHasEntered || tournament.entryRule !== 'REGISTERED') && viewer.member && (
              <button type="button" className="btn btn-small" disabled={play.busy} onClick={() => playRound(r.quizId)}>
                Play round {r.position}
              </button>
            )}
          </li>
        ))}
      </ol>
      {winners.length > 0 && (
        <>
          <h2>Winners</h2>
          <ol className="winners" data-testid="tournament-winners">
            {winners.map((w) => (
              <li key={w.memberId}>
                #{w.rank} {w.displayName} ({w.totalScore} points)
              </li>
            ))}
          </ol>
          {base === 'quizzes' && winners.some((w) => w.memberId === myId) && tournament.certificatesForWinners && (
            <p>
              <Link to={`/org/${slug}/quizzes/certificates`}>Your certificate</Link>
            </p>
          )}
        </>
      )}
      <div className="page-head">
        <h2>Standings</h2>
        <span className={`live-badge live-${sub.error ? 'error' : live ? 'live' : 'connecting'}`} role="status" data-testid="tournament-live">
          {sub.error ? 'Live updates unavailable' : live ? '● Live' : 'Connecting…'}
        </span>
      </div>
      <table className="data-table" data-testid="tournament-board">
        <caption className="visually-hidden">Standings, best first</caption>
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col">Name</th>
            <th scope="col">Score</th>
            <th scope="col">Time</th>
            <th scope="col">Rounds played</th>
          </tr>
        </thead>
        <tbody>
          {board.map((s) => (
            <tr key={s.memberId} className={s.memberId === myId ? 'row-me' : undefined}>
              <td>#{s.rank}</td>
              <th scope="row">
                {s.displayName}
                {s.winner && <span className="badge">winner</span>}
              </th>
              <td>{s.totalScore}</td>
              <td>{formatDuration(s.totalTimeSeconds)}</td>
              <td>{s.roundsPlayed}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {board.length === 0 && <p className="empty">No entrants yet.</p>}
      <p>
        <Link to={`/org/${slug}/${base}/tournaments`}>All tournaments</Link>
      </p>
    </section>
  );
}
