import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { useAction } from '../../data/useAction';
import { ArchiveQuizMutation, DuplicateQuizMutation, PublishQuizMutation, QuizzesQuery } from './operations';
import { useViewer } from '../../data/viewer';
import { useCursorPager, useDebounced } from '../../lib/pagination';
import { errorDetails } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { ConfirmDialog, ErrorMessage, Field, Notice, ConnectionPager, Spinner } from '../../components/ui';
import { ImportQuizDialog } from './ImportQuizDialog';
import { PublishProblems } from './PublishProblems';
import type { QuizFieldsFragment, QuizStatus } from '../../gql/graphql';

const STATUSES: QuizStatus[] = ['DRAFT', 'PUBLISHED', 'ARCHIVED'];
const PAGE = 25;

export const statusLabel = (s: QuizStatus) => s.charAt(0) + s.slice(1).toLowerCase();

type Row = QuizFieldsFragment;

/** Staff quiz list: by status, with search; create, import, publish, archive, duplicate. */
export function QuizzesPage() {
  const { slug } = useViewer();
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
      <form className="filters" aria-label="Filter quizzes" onSubmit={(e) => e.preventDefault()}>
        <Field label="Search by title">
          {(p) => (
            <input
              {...p}
              type="search"
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                pager.reset();
              }}
            />
          )}
        </Field>
        <Field label="Status">
          {(p) => (
            <select
              {...p}
              value={status}
              onChange={(e) => {
                setStatus(e.target.value as QuizStatus | '');
                pager.reset();
              }}
            >
              <option value="">All</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>
      {notice && <Notice kind="success">{notice}</Notice>}
      <ErrorMessage message={actionError} />
      {publishProblems && <PublishProblems title={publishProblems.title} problems={publishProblems.problems} />}
      {fetching && !data ? (
        <Spinner label="Loading quizzes…" />
      ) : error ? (
        <ErrorMessage error={error} onRetry={retry} />
      ) : !conn || conn.edges.length === 0 ? (
        <p className="empty">{debounced || status ? 'No quizzes match.' : 'No quizzes yet. Create one or import a file.'}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-stack">
            <caption className="visually-hidden">Quizzes</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Questions</th>
                <th scope="col">Updated</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {conn.edges.map(({ node }) => (
                <tr key={node.id}>
                  <th scope="row">
                    <Link to={`/org/${slug}/dashboard/quizzes/${encodeURIComponent(node.id)}`}>{node.title}</Link>
                  </th>
                  <td data-label="Status">
                    <span className={`status status-${node.status.toLowerCase()}`} data-testid="quiz-status">
                      {statusLabel(node.status)}
                    </span>
                    {node.status === 'PUBLISHED' && !node.isOpen && <span className="muted small"> (not open now)</span>}
                  </td>
                  <td data-label="Questions">
                    {node.questionCount} · {node.maxPoints} pts
                  </td>
                  <td data-label="Updated">{formatDateTime(node.updatedAt)}</td>
                  <td className="row-actions">
                    {node.status === 'DRAFT' && (
                      <button type="button" className="btn btn-small" disabled={busyId === node.id} onClick={() => publish(node)} aria-label={`Publish ${node.title}`}>
                        Publish
                      </button>
                    )}
                    <button type="button" className="btn btn-small" disabled={busyId === node.id} onClick={() => duplicate(node)} aria-label={`Duplicate ${node.title}`}>
                      Duplicate
                    </button>
                    {node.status !== 'ARCHIVED' && (
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={busyId === node.id}
                        onClick={() => {
                          archiveQuiz.reset();
                          setArchiving(node);
                        }}
                        aria-label={`Archive ${node.title}`}
                      >
                        Archive
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {conn && (
        <ConnectionPager label="Quizzes" pager={pager} connection={conn} />
      )}
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
