import { useEffect } from 'react';
import { useClient } from 'urql';
import { ReportIntegrityEventMutation } from './operations';
import { watchIntegrity } from './reporting';

/**
 * Reports the open attempt's integrity events while the take page shows it. Fire and forget:
 * a report that fails (the attempt closed meanwhile, the network gone) must never get in the
 * student's way, so nothing is shown for it. Viewers without integrity:write send nothing.
 */
export function useIntegrityReporting(attemptId: string, enabled: boolean): void {
  const client = useClient();
  useEffect(() => {
    if (!enabled) return;
    return watchIntegrity(document, (event) => {
      void client.mutation(ReportIntegrityEventMutation, { input: { attemptId, ...event } }).toPromise();
    });
  }, [client, attemptId, enabled]);
}
