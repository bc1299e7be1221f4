import { useQuery } from 'urql';
import { QuizzesQuery } from '../operations/quizzes';
import { useViewer } from '../viewer';
import { ErrorMessage, Spinner } from '../components/ui';

/** The student's home: published quizzes (taking one comes with the attempts issue). */
export function StudentQuizzesPage() {
  const { viewer, slug } = useViewer();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: QuizzesQuery,
    variables: { slug, first: 50, status: 'PUBLISHED' },
  });
  const quizzes = data?.organization?.quizzes.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="sq-title">
      <h1 id="sq-title">Your quizzes</h1>
      <p className="muted">Hello {viewer.member?.displayName}. These are the quizzes you can take.</p>
      {fetching && !data ? (
        <Spinner label="Loading quizzes…" />
      ) : error && !data ? (
        <ErrorMessage error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : quizzes.length === 0 ? (
        <p className="empty">No quizzes are open for you right now.</p>
      ) : (
        <ul className="list">
          {quizzes.map((q) => (
            <li key={q.id} className="list-item">
              {q.title}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
