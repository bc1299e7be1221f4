/**
 * One key's use over the last 30 days: requests per day as stacked bars (succeeded, errors,
 * rate-limit refusals), errors by code, and the last use with its client address. Loaded lazily
 * with the analytics pages' uPlot chart, so the API keys page itself doesn't carry uPlot.
 */
import { useMemo } from 'react';
import { useQuery } from 'urql';
import type uPlot from 'uplot';
import { Chart, bars } from '../analytics/Chart';
import '../analytics/analytics.css';
import { Dialog, ErrorMessage } from '../../components/ui';
import { formatDateTime } from '../../lib/format';
import { ApiKeyUsageQuery } from './operations';
import { usageSeries, usageSummary, usageTotals, type UsagePoint } from './usage';

export default function KeyUsageDialog({ keyId, name, onClose }: { keyId: string; name: string; onClose: () => void }) {
  const [{ data, fetching, error }] = useQuery({ query: ApiKeyUsageQuery, variables: { id: keyId }, requestPolicy: 'cache-and-network' });
  const node = data?.node;
  const usage = node && node.__typename === 'ApiKey' ? node.usage : null;
  return (
    <Dialog open title={`Usage of “${name}”`} onClose={onClose} wide>
      {fetching && !usage && <p className="muted">Loading usage…</p>}
      <ErrorMessage message={error && !usage ? 'The usage could not be loaded.' : null} />
      {usage && (
        <div data-testid="key-usage">
          <p>
            Last used: <strong>{formatDateTime(usage.lastUsedAt, 'never')}</strong>
            {usage.lastUsedIp && (
              <>
                {' '}
                from <code data-testid="key-usage-ip">{usage.lastUsedIp}</code>
              </>
            )}
            {usage.unusedFor30Days && <span className="status status-disabled badge">Unused 30 days</span>}
          </p>
          <UsageChart daily={usage.daily} />
          <h3 className="section-title">Errors by code</h3>
          {usage.errorsByCode.length === 0 ? (
            <p className="muted">No errors in the last 30 days.</p>
          ) : (
            <table className="table" data-testid="key-usage-errors">
              <caption className="visually-hidden">Errors by code, last 30 days</caption>
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  <th scope="col">Requests</th>
                </tr>
              </thead>
              <tbody>
                {usage.errorsByCode.map((e) => (
                  <tr key={e.code}>
                    <td>
                      <code>{e.code}</code>
                    </td>
                    <td>{e.count.toLocaleString('en')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="hint">Counts are written once a minute, so the latest minute may not show yet. Days are UTC.</p>
        </div>
      )}
      <div className="actions">
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

function UsageChart({ daily }: { daily: readonly UsagePoint[] }) {
  const chart = useMemo(() => {
    const s = usageSeries(daily);
    // Stacked by hand (uPlot draws series as given): succeeded, + errors, + refusals.
    const withErrors = s.ok.map((n, i) => n + (s.errors[i] ?? 0));
    const all = withErrors.map((n, i) => n + (s.rateLimited[i] ?? 0));
    const options: Omit<uPlot.Options, 'width' | 'height'> = {
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [{}, { label: 'Requests per day' }],
      series: [
        {},
        { label: 'Rate limited', fill: 'rgba(138, 90, 0, 0.55)', stroke: '#8a5a00', paths: bars(), points: { show: false } },
        { label: 'Errors', fill: 'rgba(201, 42, 42, 0.6)', stroke: '#c92a2a', paths: bars(), points: { show: false } },
        { label: 'Succeeded', fill: 'rgba(59, 91, 219, 0.55)', stroke: '#3b5bdb', paths: bars(), points: { show: false } },
      ],
    };
    return { options, data: [s.x, all, withErrors, s.ok] as uPlot.AlignedData };
  }, [daily]);
  const totals = usageTotals(daily);
  return (
    <>
      <p className="chart-key small" aria-hidden="true">
        Succeeded, errors and rate-limit refusals per day: {totals.requests.toLocaleString('en')} requests in all.
      </p>
      <Chart summary={usageSummary(daily)} options={chart.options} data={chart.data} height={180} testId="key-usage-chart" />
    </>
  );
}
