import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { PaymentPayersQuery, PaymentsQuery } from './operations';
import { formatMoney } from './money';
import { useViewer } from '../../data/viewer';
import { dayBoundaryIso, formatDateTime } from '../../lib/format';
import { useCursorPager } from '../../lib/pagination';
import { Field } from '../../components/ui';
import { ConnectionTable } from '../../components/ConnectionTable';
import { FilterBar } from '../../components/FilterBar';

const PAGE = 50;

interface Filters {
  memberId: string;
  purpose: string;
  currency: string;
  since: string;
  until: string;
}
const NONE: Filters = { memberId: '', purpose: '', currency: '', since: '', until: '' };

/**
 * `/org/:slug/dashboard/payments` (payments:read: every payment of the org) and
 * `/org/:slug/quizzes/payments` (anyone else signed in: their own). Payments are recorded by the
 * org's own payment system through the API (docs/payments.md); this page reads them.
 */
export function PaymentsPage() {
  const { viewer, slug } = useViewer();
  const everyone = viewer.scopes.includes('payments:read');
  const canPickPayer = everyone && viewer.scopes.includes('members:read');
  const pager = useCursorPager();
  const [draft, setDraft] = useState<Filters>(NONE);
  const [applied, setApplied] = useState<Filters>(NONE);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: PaymentsQuery,
    variables: {
      slug,
      first: PAGE,
      after: pager.after,
      memberId: applied.memberId || null,
      purpose: applied.purpose.trim() || null,
      currency: applied.currency.trim() || null,
      paidSince: dayBoundaryIso(applied.since, false) ?? null,
      paidUntil: dayBoundaryIso(applied.until, true) ?? null,
    },
    requestPolicy: 'cache-and-network',
  });
  const [payers] = useQuery({ query: PaymentPayersQuery, variables: { slug }, pause: !canPickPayer });
  const org = data?.organization;
  const totals = org?.paymentTotals ?? [];
  const rangeInvalid = Boolean(draft.since && draft.until && draft.since > draft.until);

  function apply(e: FormEvent) {
    e.preventDefault();
    pager.reset();
    setApplied(draft);
  }
  function clear() {
    pager.reset();
    setDraft(NONE);
    setApplied(NONE);
  }

  return (
    <section aria-labelledby="payments-title">
      <div className="page-head">
        <h1 id="payments-title">{everyone ? 'Payments' : 'My payments'}</h1>
        <button type="button" className="btn" onClick={() => refetch({ requestPolicy: 'network-only' })}>
          Refresh
        </button>
      </div>
      <p className="muted">
        {everyone
          ? "Payments your organization's own payment system (shop, ERP) reported through the API with a payments:write key."
          : 'Payments your organization recorded for you.'}
      </p>
      <FilterBar label="Filter the payments" onSubmit={apply}>
        {canPickPayer && (
          <Field label="Payer">
            {(p) => (
              <select {...p} value={draft.memberId} onChange={(e) => setDraft((d) => ({ ...d, memberId: e.target.value }))}>
                <option value="">Anyone</option>
                {(payers.data?.organization?.members?.edges ?? []).map(({ node }) => (
                  <option key={node.id} value={node.id}>
                    {node.displayName} ({node.username})
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label="Purpose">
          {(p) => <input {...p} value={draft.purpose} onChange={(e) => setDraft((d) => ({ ...d, purpose: e.target.value }))} />}
        </Field>
        <Field label="Currency" hint="An ISO 4217 code, e.g. USD.">
          {(p) => (
            <input
              {...p}
              maxLength={3}
              autoCapitalize="characters"
              spellCheck={false}
              value={draft.currency}
              onChange={(e) => setDraft((d) => ({ ...d, currency: e.target.value.toUpperCase() }))}
            />
          )}
        </Field>
        <Field label="Paid from">
          {(p) => <input {...p} type="date" value={draft.since} onChange={(e) => setDraft((d) => ({ ...d, since: e.target.value }))} />}
        </Field>
        <Field label="Paid to" error={rangeInvalid ? 'The end is before the start.' : undefined}>
          {(p) => <input {...p} type="date" value={draft.until} onChange={(e) => setDraft((d) => ({ ...d, until: e.target.value }))} />}
        </Field>
        <div className="filter-actions">
          <button type="submit" className="btn btn-primary" disabled={rangeInvalid}>
            Apply filters
          </button>
          <button type="button" className="btn" onClick={clear}>
            Clear
          </button>
        </div>
      </FilterBar>

      {totals.length > 0 && (
        <section aria-labelledby="payment-totals-title" className="payment-totals">
          <h2 id="payment-totals-title">Totals by purpose</h2>
          <div className="table-wrap">
            <table className="table table-stack" data-testid="payment-totals">
              <caption className="visually-hidden">Totals by purpose and currency</caption>
              <thead>
                <tr>
                  <th scope="col">Purpose</th>
                  <th scope="col">Currency</th>
                  <th scope="col">Payments</th>
                  <th scope="col">Total</th>
                </tr>
              </thead>
              <tbody>
                {totals.map((t) => (
                  <tr key={`${t.purpose}\u0000${t.currency}`}>
                    <th scope="row">{t.purpose}</th>
                    <td data-label="Currency">{t.currency}</td>
                    <td data-label="Payments">{t.paymentCount}</td>
                    <td data-label="Total">{formatMoney(t.amount, t.currency, t.currencyExponent)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {totals.length > 0 && <h2>{everyone ? 'All payments' : 'Your payments'}</h2>}

      <ConnectionTable
        label="Payments"
        caption="Payments, the latest paid first"
        fetching={fetching}
        error={error}
        connection={org?.payments}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
        pager={pager}
        loadingLabel="Loading payments…"
        empty="No payments match."
        rowKey={(p) => p.id}
        testId="payments"
        columns={[
          { header: 'Paid', cell: (p) => <time dateTime={p.paidAt}>{formatDateTime(p.paidAt)}</time> },
          everyone && { header: 'Payer', rowHeader: true, cell: (p) => p.payer?.displayName ?? 'Removed member' },
          { header: 'Purpose', cell: (p) => p.purpose },
          { header: 'Amount', className: 'num', cell: (p) => formatMoney(p.amount, p.currency, p.currencyExponent) },
          {
            header: 'Reference',
            cell: (p) => (
              <code className="small" title="The payment system's reference (externalId)">
                {p.externalId}
              </code>
            ),
          },
        ]}
      />
    </section>
  );
}
