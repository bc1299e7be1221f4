import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { useAction } from '../../data/useAction';
import { ArchiveQuizMutation, DuplicateQuizMutation, PublishQuizMutation, QuizzesQuery } from './operations';
import { useViewer } from '../../data/viewer';
import { useCursorPager, useDebounced } from '../../lib/pagination';
import { errorDetails } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { ConfirmDialog, ErrorMessage, Notice } from '../../components/ui';
import { ConnectionTable } from '../../components/ConnectionTable';
import { FilterBar, SearchFilter, SelectFilter } from '../../components/FilterBar';
import { ImportQuizDialog } from './ImportQuizDialog';
import { PublishProblems } from './PublishProblems';
import type { QuizFieldsFragment, QuizStatus } from '../../gql/graphql';

const STATUSES: QuizStatus[] = ['DRAFT', 'PUBLISHED', 'ARCHIVED'];
const PAGE = 25;

export const statusLabel = (s: QuizStatus) => s.charAt(0) + s.slice(1).toLowerCase();

type Row = QuizFieldsFragment;

/** Staff quiz list: by status, with search; create, import, publish, archive, duplicate. */
export function QuizzesPage() {
  const { viewer, slug } = useViewer();
  const canReadAnalytics = viewer.scopes.includes('analytics:read');
  const navigate = useNavigate();
  const pager = useCursorPager();
  const [status, setStatus] = useState<QuizStatus | ''>('');
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search.trim(), 300);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: QuizzesQuery,
    variables: { slug, first: PAGE, after: pager.after, status: status || null, search: debounced || null },
  });
  const retry = () => reexecute({ requestPolicy: 'network-only' });
  const publishQuiz = useAction(PublishQuizMutation);
  const duplicateQuiz = useAction(DuplicateQuizMutation);
  const archiveQuiz = useAction(ArchiveQuizMutation);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [publishProblems, setPublishProblems] = useState<{ title: string; problems: string[] } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [archiving, setArchiving] = useState<Row | null>(null);
  const conn = data?.organization?.quizzes;

  function clearMessages() {
    setNotice(null);
    setActionError(null);
    setPublishProblems(null);
  }

  async function publish(q: Row) {
    clearMessages();
    setBusyId(q.id);
    const r = await publishQuiz.run({ input: { id: q.id } });
    setBusyId(null);
    if (!r.ok) {
      const { problems } = errorDetails(r.error);
      if (problems.length) setPublishProblems({ title: q.title, problems });
      else setActionError(`${q.title}: ${r.failure.message}`);
    } else setNotice(`“${q.title}” is published.`);
  }

  async function duplicate(q: Row) {
    clearMessages();
    setBusyId(q.id);
    const r = await duplicateQuiz.run({ input: { id: q.id } });
    setBusyId(null);
    if (!r.ok) {
      setActionError(`${q.title}: ${r.failure.message}`);
      return;
    }
    const copy = r.data.duplicateQuiz.quiz;
    navigate(`/org/${slug}/dashboard/quizzes/${encodeURIComponent(copy.id)}`, { state: { notice: `“${copy.title}” is an editable copy.` } });
  }

  async function confirmArchive() {
    if (!archiving) return;
    setBusyId(archiving.id);
    const r = await archiveQuiz.run({ input: { id: archiving.id } });
    setBusyId(null);
    if (!r.ok) return;
    clearMessages();
    setNotice(`“${archiving.title}” is archived.`);
    setArchiving(null);
  }

  return (
    <section aria-labelledby="quizzes-title">
      <div className="page-head">
        <h1 id="quizzes-title">Quizzes</h1>
        <div className="actions">
          <button type="button" className="btn" onClick={() => setImporting(true)}>
            Import quiz
          </button>
          <Link className="btn btn-primary" to={`/org/${slug}/dashboard/quizzes/new`}>
            New quiz
          </Link>
        </div>
      </div>
      <FilterBar label="Filter quizzes">
        <SearchFilter
          label="Search by title"
          value={search}
          onChange={(value) => {
            setSearch(value);
            pager.reset();
          }}
        />
        <SelectFilter
          label="Status"
          allLabel="All"
          value={status}
          options={STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
          onChange={(value) => {
            setStatus(value);
            pager.reset();
          }}
        />
      </FilterBar>
      {notice && <Notice kind="success">{notice}</Notice>}
      <ErrorMessage message={actionError} />
      {publishProblems && <PublishProblems title={publishProblems.title} problems={publishProblems.problems} />}
      <ConnectionTable
        label="Quizzes"
        fetching={fetching}
        error={error}
        connection={conn}
        onRetry={retry}
        pager={pager}
        loadingLabel="Loading quizzes…"
        empty={debounced || status ? 'No quizzes match.' : 'No quizzes yet. Create one or import a file.'}
        rowKey={(q) => q.id}
        columns={[
          {
            header: 'Title',
            rowHeader: true,
            cell: (q) => <Link to={`/org/${slug}/dashboard/quizzes/${encodeURIComponent(q.id)}`}>{q.title}</Link>,
          },
          {
            header: 'Status',
            cell: (q) => (
              <>
                <span className={`status status-${q.status.toLowerCase()}`} data-testid="quiz-status">
                  {statusLabel(q.status)}
                </span>
                {q.status === 'PUBLISHED' && !q.isOpen && <span className="muted small"> (not open now)</span>}
              </>
            ),
          },
          { header: 'Questions', cell: (q) => `${q.questionCount} · ${q.maxPoints} pts` },
          { header: 'Updated', cell: (q) => formatDateTime(q.updatedAt) },
          {
            header: 'Actions',
            hiddenHeader: true,
            className: 'row-actions',
            cell: (q) => (
              <>
                {q.status === 'DRAFT' && (
                  <button type="button" className="btn btn-small" disabled={busyId === q.id} onClick={() => publish(q)} aria-label={`Publish ${q.title}`}>
                    Publish
                  </button>
                )}
                {q.status !== 'DRAFT' && canReadAnalytics && (
                  <Link className="btn btn-small" to={`/org/${slug}/dashboard/quizzes/${encodeURIComponent(q.id)}/analytics`} aria-label={`Analytics of ${q.title}`}>
                    Analytics
                  </Link>
                )}
                <button type="button" className="btn btn-small" disabled={busyId === q.id} onClick={() => duplicate(q)} aria-label={`Duplicate ${q.title}`}>
                  Duplicate
                </button>
                {q.status !== 'ARCHIVED' && (
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={busyId === q.id}
                    onClick={() => {
                      archiveQuiz.reset();
                      setArchiving(q);
                    }}
                    aria-label={`Archive ${q.title}`}
                  >
                    Archive
                  </button>
                )}
              </>
            ),
          },
        ]}
      />
      <ImportQuizDialog
        open={importing}
        onClose={() => setImporting(false)}
        editPath={(id) => `/org/${slug}/dashboard/quizzes/${encodeURIComponent(id)}`}
      />
      <ConfirmDialog
        open={archiving != null}
        title={`Archive “${archiving?.title ?? ''}”?`}
        confirmLabel="Archive quiz"
        danger
        busy={busyId === archiving?.id}
        error={archiveQuiz.error}
        onConfirm={confirmArchive}
        onCancel={() => setArchiving(null)}
      >
        <p>No one can start a new attempt on an archived quiz, and it can't be changed or published again. Results and leaderboards stay.</p>
      </ConfirmDialog>
    </section>
  );
}
