import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useClient, type AnyVariables, type CombinedError, type TypedDocumentNode } from 'urql';

export interface LatestQueryState<Data> {
  data: Data | undefined;
  error: CombinedError | undefined;
  fetching: boolean;
}

/**
 * A list query for pages that change what they list: always from the network, and only the
 * answer to the most recent request is kept. A slower answer to an older request (one sent
 * before a mutation committed) can then never overwrite what the newer one showed.
 */
export function useLatestQuery<Data, Variables extends AnyVariables>(
  query: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): [LatestQueryState<Data>, () => void] {
  const client = useClient();
  const [state, setState] = useState<LatestQueryState<Data>>({ data: undefined, error: undefined, fetching: true });
  const seq = useRef(0);
  // The variables by value: a new object with the same content is not a new request.
  const key = JSON.stringify(variables);
  const vars = useMemo(() => JSON.parse(key) as Variables, [key]);

  const run = useCallback(() => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, fetching: true }));
    // urql hands a result to every operation with the same key, so an answer to an older
    // request still in flight can arrive here first: wait for the one this run sent.
    const source = client.query(query, vars, {
      requestPolicy: 'network-only',
      latestQueryRun: mine,
    });
    const subscription = source.subscribe((r) => {
      if (r.operation.context.latestQueryRun !== mine) return;
      subscription.unsubscribe();
      if (mine !== seq.current) return;
      setState((s) => ({ data: r.data ?? (r.error ? s.data : undefined), error: r.error, fetching: false }));
    });
  }, [client, query, vars]);

  // Starting the request marks the state as fetching: the effect syncs with the network.
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the request's own state, set as it is sent
  useEffect(run, [run]);
  return [state, run];
}
