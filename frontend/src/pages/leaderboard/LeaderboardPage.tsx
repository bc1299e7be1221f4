import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery, useSubscription } from 'urql';
import { LeaderboardQuery, LeaderboardQuizzesQuery, LeaderboardUpdatedSubscription } from './operations';
import type { LeaderboardEntryFieldsFragment, LeaderboardWindow } from '../../gql/graphql';
import { useViewer } from '../../data/viewer';
import { useCursorPager } from '../../lib/pagination';
import { describeChange, formatScore, mergeLeaderboard, type BoardUpdate } from '../../lib/leaderboardMerge';
import { formatDuration } from '../../lib/countdown';
import { formatDateTime } from '../../lib/format';
import { ConnectionTable } from '../../components/ConnectionTable';
import { FilterBar, SelectFilter } from '../../components/FilterBar';

const PAGE = 50;
const WINDOWS: { value: LeaderboardWindow; label: string }[] = [
  { value: 'ALL_TIME', label: 'All time' },
  { value: 'LAST_30_DAYS', label: 'Last 30 days' },
  { value: 'LAST_7_DAYS', label: 'Last 7 days' },
];

type Entry = LeaderboardEntryFieldsFragment;

/** Per quiz or org-wide standings, live through `leaderboardUpdated`. */
export function LeaderboardPage() {
  const { slug, viewer } = useViewer();
  const [params, setParams] = useSearchParams();
  const quizId = params.get('quiz') || null;
  const windowParam = params.get('window') as LeaderboardWindow | null;
  const window: LeaderboardWindow = WINDOWS.some((w) => w.value === windowParam) ? windowParam! : 'ALL_TIME';
  const pager = useCursorPager();
  const [{ data: quizData }] = useQuery({ query: LeaderboardQuizzesQuery, variables: { slug } });
  const quizzes = (quizData?.organization?.quizzes?.edges ?? []).map((e) => e.node).filter((q) => q.status !== 'DRAFT');

  const [{ data, fetching, error }, reexecute] = useQuery({
    query: LeaderboardQuery,
    variables: { slug, quizId, window, first: PAGE, after: pager.after },
  });
  const reload = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const board = data?.organization?.leaderboard;
  const [rows, setRows] = useState<Entry[]>([]);
  const [highlight, setHighlight] = useState<Set<string>>(new Set());
  const [announce, setAnnounce] = useState('');
  const rowsRef = useRef<Entry[]>([]);
  useEffect(() => {
    rowsRef.current = board ? board.edges.map((e) => e.node) : [];
    setRows(rowsRef.current);
  }, [board]);

  // Live updates: the subscription streams the all-time top N. On the first page of the
  // all-time board they are merged in place; on other windows they trigger a refresh.
  const live = pager.page === 0;
  const [sub] = useSubscription({
    query: LeaderboardUpdatedSubscription,
    variables: { slug, quizId, top: PAGE },
    pause: !live,
  });
  const lastUpdate = useRef<unknown>(null);
  const reloadTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    const update = sub.data?.leaderboardUpdated;
    if (!update || update === lastUpdate.current || !board) return;
    lastUpdate.current = update;
    if ((update.quizId ?? null) !== quizId) return;
    if (window === 'ALL_TIME') {
      const result = mergeLeaderboard(rowsRef.current, update as BoardUpdate<Entry>, PAGE);
      const sentence = describeChange(result, update as BoardUpdate<Entry>);
      rowsRef.current = result.entries;
      setRows(result.entries);
      if (sentence) setAnnounce(sentence);
      if (result.changedIds.length) setHighlight(new Set(result.changedIds));
    } else if (update.changed) {
      if (reloadTimer.current) clearTimeout(reloadTimer.current);
      reloadTimer.current = setTimeout(reload, 500);
    }
  }, [sub.data, board, quizId, window, reload]);
  useEffect(() => {
    if (!highlight.size) return;
    const t = setTimeout(() => setHighlight(new Set()), 4000);
    return () => clearTimeout(t);
  }, [highlight]);

  const myId = viewer.member?.id;
  const me = rows.find((r) => r.memberId === myId) ?? board?.myRank ?? null;
  const liveState = !live ? 'paused' : sub.error ? 'error' : sub.data ? 'live' : 'connecting';

  function setParam(name: string, value: string | null) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
    pager.reset();
  }

  const quizTitle = quizId ? quizzes.find((q) => q.id === quizId)?.title ?? 'Quiz' : 'Whole organization';
  return (
    <section aria-labelledby="lb-title">
      <div className="page-head">
        <h1 id="lb-title">Leaderboard</h1>
        <span className={`live-badge live-${liveState}`} role="status" data-testid="live-status">
          {liveState === 'live' ? '● Live' : liveState === 'connecting' ? 'Connecting…' : liveState === 'error' ? 'Live updates unavailable' : 'Live updates on page 1'}
        </span>
      </div>
      <FilterBar label="Choose a leaderboard" search={false}>
        <SelectFilter
          label="Board"
          allLabel="Whole organization"
          value={quizId ?? ''}
          options={[
            ...quizzes.map((q) => ({ value: q.id, label: q.title })),
            ...(quizId && !quizzes.some((q) => q.id === quizId) ? [{ value: quizId, label: 'This quiz' }] : []),
          ]}
          onChange={(value) => setParam('quiz', value || null)}
        />
        <SelectFilter label="Period" value={window} options={WINDOWS} onChange={(value) => setParam('window', value && value !== 'ALL_TIME' ? value : null)} />
      </FilterBar>
      {sub.error && live && <p className="muted small">Live updates stopped ({sub.error.message}); the board shows what was last loaded.</p>}
      <p className="visually-hidden" aria-live="polite" data-testid="leaderboard-announce">
        {announce}
      </p>
      {me && (
        <p className="my-rank card" data-testid="leaderboard-my-rank">
          Your rank: <strong>#{me.rank}</strong> with {formatScore(me.score)} points
        </p>
      )}
      <ConnectionTable
        label="Leaderboard"
        caption={`${quizTitle}, ${WINDOWS.find((w) => w.value === window)?.label ?? ''}`}
        className="leaderboard"
        testId="leaderboard"
        fetching={fetching}
        error={error}
        connection={board}
        rows={rows}
        total={board ? Math.max(board.totalCount, rows.length) : 0}
        onRetry={reload}
        pager={pager}
        loadingLabel="Loading the leaderboard…"
        empty={
          <p className="empty" data-testid="leaderboard-empty">
            No results yet. Entries appear here as soon as someone submits.
          </p>
        }
        rowKey={(r) => r.memberId}
        rowProps={(r) => ({ className: `${highlight.has(r.memberId) ? 'row-flash' : ''}${r.memberId === myId ? ' row-me' : ''}` })}
        columns={[
          { header: 'Rank', cell: (r) => `#${r.rank}` },
          {
            header: 'Name',
            rowHeader: true,
            cell: (r) => (
              <>
                {r.displayName}
                {r.memberId === myId && <span className="badge">you</span>}
              </>
            ),
          },
          { header: 'Score', cell: (r) => formatScore(r.score) },
          { header: 'Attempts', cell: (r) => r.attempts },
          quizId != null && { header: 'Time', cell: (r) => formatDuration(r.timeTakenSeconds) },
          { header: 'Last activity', cell: (r) => formatDateTime(r.lastActivityAt) },
        ]}
      />
    </section>
  );
}
