import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import type { CursorPager } from '../lib/pagination';
import { ConnectionPager, ErrorMessage, Spinner } from './ui';

export interface Column<Row> {
  /** The column's heading; also each cell's label when the table stacks into cards on phones. */
  header: string;
  /** The cell's label on phones, when shorter than `header`. */
  cardLabel?: string;
  /** Hide the heading visually (e.g. "Actions"), keeping it for screen readers. */
  hiddenHeader?: boolean;
  cell: (row: Row) => ReactNode;
  /** The cell that names the row (`<th scope="row">`); one per table. */
  rowHeader?: boolean;
  className?: string;
  testId?: string;
}

export interface ConnectionLike<Row> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: readonly { node: Row }[];
}

interface Props<Row> {
  /** What the rows are ("API keys"): the pager's label, and the table's caption unless `caption`. */
  label: string;
  caption?: string;
  /** The page's query: loading, failed (with "Try again"), or its connection. */
  fetching: boolean;
  error: CombinedError | undefined;
  connection: ConnectionLike<Row> | null | undefined;
  onRetry: () => void;
  pager: CursorPager;
  columns: readonly (Column<Row> | false | null | undefined)[];
  rowKey: (row: Row) => string;
  /** Shown when the connection is empty (never for an error). */
  empty: ReactNode;
  loadingLabel?: string;
  /** Rows from elsewhere than the connection's edges (e.g. the live leaderboard's merge). */
  rows?: readonly Row[];
  rowProps?: (row: Row) => Record<string, string | undefined>;
  className?: string;
  testId?: string;
  /** The total the pager shows, when it isn't the connection's `totalCount`. */
  total?: number;
}

/**
 * A Relay connection as a table, with what every list page needs around it: a spinner while the
 * first page loads, the error with "Try again" (never an empty state for an error; a failed
 * refresh keeps the rows shown), the empty state, and the pager. Under 720 px the table stacks into cards labelled by `header`.
 */
export function ConnectionTable<Row>({
  label,
  caption,
  fetching,
  error,
  connection,
  onRetry,
  pager,
  columns,
  rowKey,
  empty,
  loadingLabel = 'Loading…',
  rows,
  rowProps,
  className,
  testId,
  total,
}: Props<Row>) {
  if (fetching && !connection) return <Spinner label={loadingLabel} />;
  if (!connection) {
    return <ErrorMessage error={error} message={error ? undefined : `The ${label.toLowerCase()} could not be loaded.`} onRetry={onRetry} />;
  }
  const shown = rows ?? connection.edges.map((e) => e.node);
  const cols = columns.filter((c): c is Column<Row> => Boolean(c));
  return (
    <>
      {/* A failed refresh keeps the last rows, and says so. */}
      {error && <ErrorMessage error={error} onRetry={onRetry} />}
      {shown.length === 0 ? (
        typeof empty === 'string' ? (
          <p className="empty">{empty}</p>
        ) : (
          empty
        )
      ) : (
        <div className="table-wrap">
          <table className={`table table-stack${className ? ` ${className}` : ''}`} data-testid={testId}>
            <caption className="visually-hidden">{caption ?? label}</caption>
            <thead>
              <tr>
                {cols.map((c) => (
                  <th key={c.header} scope="col">
                    {c.hiddenHeader ? <span className="visually-hidden">{c.header}</span> : c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={rowKey(row)} {...rowProps?.(row)}>
                  {cols.map((c) =>
                    c.rowHeader ? (
                      <th key={c.header} scope="row" className={c.className} data-testid={c.testId}>
                        {c.cell(row)}
                      </th>
                    ) : (
                      <td key={c.header} data-label={c.cardLabel ?? c.header} className={c.className} data-testid={c.testId}>
                        {c.cell(row)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConnectionPager label={label} pager={pager} connection={connection} {...(total != null ? { total } : {})} />
    </>
  );
}
