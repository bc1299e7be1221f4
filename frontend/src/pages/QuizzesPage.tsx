import { useState } from 'react';
import { useQuery } from 'urql';
import { QuizzesQuery } from '../operations/quizzes';
import { useViewer } from '../viewer';
import { useCursorPager } from '../lib/pagination';
import { ErrorMessage, Field, Pager, Spinner } from '../components/ui';
import type { QuizStatus } from '../gql/graphql';

const STATUSES: QuizStatus[] = ['DRAFT', 'PUBLISHED', 'ARCHIVED'];

/** Staff quiz list by status. Creating, editing and importing come with the quiz issues. */
export function QuizzesPage() {
  const { slug } = useViewer();
  const pager = useCursorPager();
  const [status, setStatus] = useState<QuizStatus | ''>('');
  const [{ data, fetching, error }, refetch] = useQuery({
    query: QuizzesQuery,
    variables: { slug, first: 25, after: pager.after, status: status || null },
  });
  const conn = data?.organization?.quizzes;
  return (
    <section aria-labelledby="quizzes-title">
      <div className="page-head">
        <h1 id="quizzes-title">Quizzes</h1>
      </div>
      <form className="filters" aria-label="Filter quizzes" onSubmit={(e) => e.preventDefault()}>
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
                  {s.charAt(0) + s.slice(1).toLowerCase()}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>
      {fetching && !data ? (
        <Spinner label="Loading quizzes…" />
      ) : error && !data ? (
        <ErrorMessage error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !conn || conn.edges.length === 0 ? (
        <p className="empty">No quizzes yet.</p>
      ) : (
        <ul className="list">
          {conn.edges.map(({ node }) => (
            <li key={node.id} className="list-item">
              <span>{node.title}</span>
              <span className={`status status-${node.status.toLowerCase()}`}>{node.status.toLowerCase()}</span>
            </li>
          ))}
        </ul>
      )}
      {conn && (
        <Pager
          label="Quizzes"
          page={pager.page}
          hasNext={conn.pageInfo.hasNextPage}
          total={conn.totalCount}
          onPrev={pager.prev}
          onNext={() => pager.next(conn.pageInfo.endCursor)}
        />
      )}
    </section>
  );
}
