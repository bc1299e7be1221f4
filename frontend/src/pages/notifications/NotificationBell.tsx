import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useQuery, useSubscription } from 'urql';
import { MarkNotificationsReadMutation, NotificationsChangedSubscription, NotificationsQuery } from './operations';
import { useViewer } from '../../data/viewer';
import { useAction } from '../../data/useAction';
import { formatDateTime } from '../../lib/format';
import { ErrorMessage, Spinner } from '../../components/ui';
import { bellLabel, notificationHref } from './bell';
import './notifications.css';

const LIST_SIZE = 10;

/**
 * The header's bell: the unread count, live over the `notificationsChanged` subscription (the
 * client's one websocket, shared with the leaderboard), and a panel with the newest
 * notifications, each linking to its object, with "Mark read" and "Mark all read".
 */
export function NotificationBell() {
  const { viewer, slug } = useViewer();
  const allowed = viewer.scopes.includes('notifications:read');
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const [{ data: live }] = useSubscription({ query: NotificationsChangedSubscription, variables: { slug }, pause: !allowed });
  const [list, refetch] = useQuery({
    query: NotificationsQuery,
    variables: { slug, first: LIST_SIZE, unread: null },
    requestPolicy: 'cache-and-network',
    pause: !allowed || !open,
  });
  const mark = useAction(MarkNotificationsReadMutation);
  const liveCount = live?.notificationsChanged.unreadCount;
  // The count a "mark read" answered, until the next live message says otherwise.
  const [marked, setMarked] = useState<{ count: number; liveCount: number | undefined } | null>(null);

  // A new count means new notifications (or some read elsewhere): an open list asks again.
  useEffect(() => {
    if (open && liveCount != null) refetch({ requestPolicy: 'network-only' });
  }, [liveCount, open, refetch]);

  // Escape or a click outside closes the panel; focus goes back to the bell on Escape.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      root.current?.querySelector<HTMLButtonElement>('.bell-button')?.focus();
    };
    const onClick = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  if (!allowed) return null;
  const conn = list.data?.organization?.notifications;
  const unread = (marked && marked.liveCount === liveCount ? marked.count : null) ?? liveCount ?? conn?.unreadCount ?? 0;
  const items = conn?.edges.map((e) => e.node) ?? [];

  async function markRead(input: { ids: string[] } | { all: true }) {
    const r = await mark.run({ input });
    // The cache (src/data/cache.ts) brings the list up to date; the count is the payload's.
    if (r.ok) setMarked({ count: r.data.markNotificationsRead.unreadCount, liveCount });
  }

  return (
    <div className="bell" ref={root}>
      <button
        type="button"
        className="btn btn-small bell-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={bellLabel(unread)}
        onClick={() => setOpen((o) => !o)}
        data-testid="notification-bell"
      >
        <svg className="bell-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {unread > 0 && (
          <span className="bell-count" aria-hidden="true" data-testid="notification-count">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {unread > 0 ? bellLabel(unread) : ''}
      </span>
      {open && (
        <section id={panelId} className="bell-panel card" aria-label="Notifications">
          <div className="bell-head">
            <h2>Notifications</h2>
            <button type="button" className="btn btn-small" disabled={unread === 0 || mark.busy} onClick={() => void markRead({ all: true })}>
              Mark all read
            </button>
          </div>
          <ErrorMessage message={mark.error} />
          {list.fetching && !conn ? (
            <Spinner label="Loading notifications…" />
          ) : list.error && !conn ? (
            <ErrorMessage error={list.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
          ) : items.length === 0 ? (
            <p className="empty">Nothing needs your attention.</p>
          ) : (
            <ul className="bell-list" data-testid="notification-list">
              {items.map((n) => (
                <li key={n.id} className={n.read ? 'is-read' : 'is-unread'}>
                  <Link to={notificationHref(slug, n.link)} onClick={() => setOpen(false)}>
                    {!n.read && <span className="visually-hidden">Unread: </span>}
                    {n.title}
                  </Link>
                  {n.body && <p className="small">{n.body}</p>}
                  <p className="small muted">
                    <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
                    {!n.read && (
                      <>
                        {' · '}
                        <button type="button" className="btn-link" disabled={mark.busy} onClick={() => void markRead({ ids: [n.id] })}>
                          Mark read<span className="visually-hidden">: {n.title}</span>
                        </button>
                      </>
                    )}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
