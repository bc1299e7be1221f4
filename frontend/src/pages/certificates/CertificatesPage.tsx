import { useState } from 'react';
import { useQuery } from 'urql';
import { useAction } from '../../data/useAction';
import { useViewer } from '../../data/viewer';
import type { CertificateFieldsFragment } from '../../gql/graphql';
import { formatDate } from '../../lib/format';
import { useCursorPager } from '../../lib/pagination';
import { ConfirmDialog, Field, Notice } from '../../components/ui';
import { ConnectionTable } from '../../components/ConnectionTable';
import { FilterBar, SelectFilter } from '../../components/FilterBar';
import { CertificatesQuery, RevokeCertificateMutation } from './operations';
import { achievement } from './wording';
import './certificates.css';

const PAGE = 25;
const MAX_REASON = 500;
type StatusFilter = 'valid' | 'revoked';
const STATUS_FILTERS: readonly { value: StatusFilter; label: string }[] = [
  { value: 'valid', label: 'Valid' },
  { value: 'revoked', label: 'Revoked' },
];
type Row = CertificateFieldsFragment;

/** Staff: the org's certificates (attempts:read), each with its page and PDF; revoke needs quizzes:write. */
export function CertificatesPage() {
  const { viewer, slug } = useViewer();
  const canRevoke = viewer.scopes.includes('quizzes:write');
  const [status, setStatus] = useState<StatusFilter | ''>('');
  const pager = useCursorPager();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CertificatesQuery,
    variables: { slug, first: PAGE, after: pager.after, revoked: status === '' ? null : status === 'revoked' },
  });
  const revoke = useAction(RevokeCertificateMutation);
  const [revoking, setRevoking] = useState<Row | null>(null);
  const [reason, setReason] = useState('');
  const [reasonPublic, setReasonPublic] = useState(false);
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | null>(null);

  function openRevoke(row: Row) {
    revoke.reset();
    setReason('');
    setReasonPublic(false);
    setReasonError(undefined);
    setRevoking(row);
  }

  async function confirmRevoke() {
    if (!revoking) return;
    const text = reason.trim();
    if (!text) return setReasonError('Say why the certificate is revoked.');
    if (text.length > MAX_REASON) return setReasonError(`Use at most ${MAX_REASON} characters.`);
    const r = await revoke.run({ input: { id: revoking.id, reason: text, reasonPublic } });
    if (!r.ok) return setReasonError(r.failure.fields.reason);
    setNotice(`The certificate of ${revoking.holderName} (${revoking.code}) is revoked.`);
    setRevoking(null);
  }

  return (
    <section aria-labelledby="certificates-title">
      <div className="page-head">
        <h1 id="certificates-title">Certificates</h1>
      </div>
      <p className="muted">
        Issued when a member passes a quiz set to “Issue a certificate on pass”, or places in a tournament. Anyone can check one at its
        verification link, without signing in.
      </p>
      <FilterBar label="Filter certificates">
        <SelectFilter
          label="Status"
          allLabel="All"
          value={status}
          options={STATUS_FILTERS}
          onChange={(value) => {
            setStatus(value);
            pager.reset();
          }}
        />
      </FilterBar>
      {notice && <Notice kind="success">{notice}</Notice>}
      <ConnectionTable
        label="Certificates"
        fetching={fetching}
        error={error}
        connection={data?.organization?.certificates}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        pager={pager}
        loadingLabel="Loading certificates…"
        empty="No certificates yet."
        rowKey={(c) => c.id}
        testId="certificates"
        columns={[
          { header: 'Holder', rowHeader: true, cell: (c) => c.holderName },
          { header: 'Achievement', cell: (c) => achievement(c) },
          { header: 'Issued', cell: (c) => formatDate(c.issuedAt) },
          {
            header: 'Code',
            cell: (c) => (
              <a href={c.verificationUrl} target="_blank" rel="noreferrer">
                <code>{c.code}</code>
              </a>
            ),
          },
          {
            header: 'Status',
            testId: 'certificate-status',
            cell: (c) =>
              c.valid ? (
                <span className="badge">valid</span>
              ) : (
                <span title={c.revocationReason ?? undefined}>
                  <span className="badge certificate-revoked">revoked</span> {formatDate(c.revokedAt)}
                  {c.revocationReason && <span className="muted small"> · {c.revocationReason}</span>}
                </span>
              ),
          },
          {
            header: 'Actions',
            hiddenHeader: true,
            cell: (c) => (
              <div className="row-actions">
                {c.valid && (
                  <a className="btn btn-small" href={c.pdfUrl} target="_blank" rel="noreferrer">
                    PDF
                  </a>
                )}
                {canRevoke && c.valid && (
                  <button type="button" className="btn btn-small btn-danger" onClick={() => openRevoke(c)} aria-label={`Revoke the certificate of ${c.holderName}`}>
                    Revoke
                  </button>
                )}
              </div>
            ),
          },
        ]}
      />
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this certificate?"
        confirmLabel="Revoke"
        danger
        busy={revoke.busy}
        error={reasonError ? null : revoke.error}
        onConfirm={() => void confirmRevoke()}
        onCancel={() => setRevoking(null)}
      >
        {revoking && (
          <>
            <p>
              The certificate of <strong>{revoking.holderName}</strong> ({achievement(revoking)}) will say it was revoked on its verification page,
              and its PDF will no longer be served. This can't be undone.
            </p>
            <Field label="Reason" error={reasonError} hint={`Kept in the audit log; at most ${MAX_REASON} characters.`}>
              {(p) => <textarea {...p} rows={3} maxLength={MAX_REASON} value={reason} onChange={(e) => {
                    setReason(e.target.value);
                    setReasonError(undefined);
                  }} />}
            </Field>
            <label className="check">
              <input type="checkbox" checked={reasonPublic} onChange={(e) => setReasonPublic(e.target.checked)} />
              Show the reason on the public verification page
            </label>
          </>
        )}
      </ConfirmDialog>
    </section>
  );
}
