import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useAction } from '../../data/useAction';
import { formatDateTime } from '../../lib/format';
import { useCursorPager } from '../../lib/pagination';
import { ConnectionTable } from '../../components/ConnectionTable';
import { ConfirmDialog, ErrorMessage, Notice, Spinner } from '../../components/ui';
import { ConsoleOrganizationQuery, SetOrganizationDisabledMutation } from './operations';

const PAGE = 25;

/** /platform/organizations/:orgId: one org's figures, the switch that disables it, its audit log. */
export function OrganizationPage() {
  const { orgId = '' } = useParams();
  const pager = useCursorPager();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ConsoleOrganizationQuery, variables: { id: orgId, first: PAGE, after: pager.after } });
  const setDisabled = useAction(SetOrganizationDisabledMutation);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const org = data?.node?.__typename === 'Organization' ? data.node : null;

  useEffect(() => {
    document.title = `${org?.name ?? 'Organization'} · quizgraph platform console`;
  }, [org?.name]);

  if (!org) {
    if (fetching) return <Spinner />;
    return <ErrorMessage error={error} message={error ? undefined : 'No such organization.'} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  }

  async function toggle() {
    if (!org) return;
    const disabled = !org.disabled;
    const r = await setDisabled.run({ input: { id: org.id, disabled } });
    if (!r.ok) return;
    setConfirming(false);
    setNotice(disabled ? `${org.name} is disabled: its members and keys are refused from their next request.` : `${org.name} is enabled again.`);
    reexecute({ requestPolicy: 'network-only' });
  }

  return (
    <>
      <p>
        <Link to="/platform/organizations">← Organizations</Link>
      </p>
      <div className="page-header">
        <h1>{org.name}</h1>
        <button type="button" className={`btn ${org.disabled ? 'btn-primary' : 'btn-danger'}`} onClick={() => setConfirming(true)}>
          {org.disabled ? 'Enable organization' : 'Disable organization'}
        </button>
      </div>
      {notice && <Notice kind="success">{notice}</Notice>}
      <dl className="facts" data-testid="org-facts">
        <dt>Slug</dt>
        <dd>
          <code>{org.slug}</code>
        </dd>
        <dt>Status</dt>
        <dd data-testid="org-status">{org.disabled ? 'disabled' : 'enabled'}</dd>
        <dt>Members</dt>
        <dd>{org.memberCount}</dd>
        <dt>Last activity</dt>
        <dd>{formatDateTime(org.lastActivityAt, 'never')}</dd>
        <dt>Attempts in the last 30 days</dt>
        <dd>{org.attemptsLast30Days}</dd>
        <dt>Created</dt>
        <dd>{formatDateTime(org.createdAt)}</dd>
      </dl>
      <h2>Audit log</h2>
      <ConnectionTable
        label="Audit events"
        fetching={fetching}
        error={error}
        connection={org.auditLog ?? null}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        pager={pager}
        empty="Nothing recorded yet."
        rowKey={(e) => e.id}
        testId="org-audit-log"
        columns={[
          { header: 'When', cell: (e) => formatDateTime(e.createdAt) },
          { header: 'What', rowHeader: true, cell: (e) => e.actionInfo?.label ?? e.action },
          { header: 'Who', cell: (e) => e.actorLabel },
          { header: 'On', cell: (e) => e.targetType ?? '—' },
        ]}
      />
      <ConfirmDialog
        open={confirming}
        title={org.disabled ? `Enable ${org.name}?` : `Disable ${org.name}?`}
        confirmLabel={org.disabled ? 'Enable' : 'Disable'}
        danger={!org.disabled}
        busy={setDisabled.busy}
        error={setDisabled.error}
        onConfirm={toggle}
        onCancel={() => setConfirming(false)}
      >
        {org.disabled ? (
          <p>Its members can sign in again and its keys work again.</p>
        ) : (
          <p>Every member and key of {org.name} is refused (ORG_DISABLED) from their next request, signed in or not. Nothing is deleted.</p>
        )}
      </ConfirmDialog>
    </>
  );
}
