import { useEffect } from 'react';
import { useQuery } from 'urql';
import { formatDateTime } from '../../lib/format';
import { useCursorPager } from '../../lib/pagination';
import { ConnectionTable } from '../../components/ConnectionTable';
import { PlatformAuditLogQuery } from './operations';

const PAGE = 50;

/** /platform/log: what platform staff and the command line did, newest first. */
export function PlatformLogPage() {
  const pager = useCursorPager();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: PlatformAuditLogQuery, variables: { first: PAGE, after: pager.after } });

  useEffect(() => {
    document.title = 'Platform log · quizgraph platform console';
  }, []);

  return (
    <>
      <h1>Platform log</h1>
      <p>Every staff action on an organization is also in that organization's own audit log.</p>
      <ConnectionTable
        label="Platform log"
        fetching={fetching}
        error={error}
        connection={data?.platformAuditLog}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        pager={pager}
        empty="Nothing recorded yet."
        rowKey={(e) => e.id}
        testId="platform-log"
        columns={[
          { header: 'When', cell: (e) => formatDateTime(e.createdAt) },
          { header: 'What', rowHeader: true, cell: (e) => e.label },
          { header: 'Who', cell: (e) => e.actorLabel },
          { header: 'Organization', cell: (e) => e.orgSlug ?? 'all' },
        ]}
      />
    </>
  );
}
