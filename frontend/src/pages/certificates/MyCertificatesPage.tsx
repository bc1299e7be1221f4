import { useQuery } from 'urql';
import { useViewer } from '../../data/viewer';
import { formatDate } from '../../lib/format';
import { useCursorPager } from '../../lib/pagination';
import { ConnectionPager, ErrorMessage, Spinner } from '../../components/ui';
import { CertificatesQuery } from './operations';
import { achievement } from './wording';
import './certificates.css';

const PAGE = 20;

/** A member's own certificates: each with its PDF and the public link to share. */
export function MyCertificatesPage() {
  const { viewer, slug } = useViewer();
  const pager = useCursorPager();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CertificatesQuery,
    variables: { slug, first: PAGE, after: pager.after, memberId: viewer.member?.id ?? null },
  });
  const connection = data?.organization?.certificates;

  return (
    <section aria-labelledby="my-certificates-title">
      <h1 id="my-certificates-title">My certificates</h1>
      <p className="muted">Pass a quiz that issues certificates to earn one. Share its verification link: anyone can check it without signing in.</p>
      {fetching && !connection && <Spinner label="Loading certificates…" />}
      {!connection && !fetching && <ErrorMessage error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {connection && connection.edges.length === 0 && <p>No certificates yet.</p>}
      {connection && connection.edges.length > 0 && (
        <ul className="certificate-list" data-testid="my-certificates">
          {connection.edges.map(({ node: c }) => (
            <li key={c.id} className="card">
              <h2>{c.title}</h2>
              <p>
                {achievement(c)} · issued {formatDate(c.issuedAt)}
              </p>
              <p>
                Certificate code <code>{c.code}</code>
              </p>
              {c.valid ? (
                <p className="row-actions">
                  <a className="btn btn-primary btn-small" href={c.pdfUrl} download>
                    Download PDF
                  </a>
                  <a className="btn btn-small" href={c.verificationUrl} target="_blank" rel="noreferrer">
                    Verification page
                  </a>
                </p>
              ) : (
                <p role="status">
                  <span className="badge certificate-revoked">revoked</span> on {formatDate(c.revokedAt)}
                  {c.revocationReason ? `: ${c.revocationReason}` : ''}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {connection && <ConnectionPager label="Certificates" pager={pager} connection={connection} />}
    </section>
  );
}
