import { useQuery } from 'urql';
import { IntegrityNoticeQuery } from './operations';
import { useViewer } from '../../data/viewer';

/**
 * Tells a student, before and while taking a quiz, what the page records and what gets an
 * attempt reviewed: the org's own words from its rules (Organization.integrityNotice).
 */
export function IntegrityNotice({ compact = false }: { compact?: boolean }) {
  const { viewer, slug } = useViewer();
  const allowed = viewer.scopes.includes('integrity:write');
  const [{ data }] = useQuery({ query: IntegrityNoticeQuery, variables: { slug }, pause: !allowed });
  const text = data?.organization?.integrityNotice;
  if (!allowed || !text) return null;
  return compact ? (
    <details className="integrity-notice small" data-testid="integrity-notice">
      <summary>What this page records</summary>
      <p>{text}</p>
    </details>
  ) : (
    <aside className="alert alert-info integrity-notice" aria-label="What is recorded while you take a quiz" data-testid="integrity-notice">
      <p>
        <strong>While you take a quiz.</strong> {text}
      </p>
    </aside>
  );
}
