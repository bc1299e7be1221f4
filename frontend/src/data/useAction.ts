import { useCallback, useState } from 'react';
import { useMutation, type AnyVariables, type CombinedError, type OperationContext, type TypedDocumentNode } from 'urql';
import { errorInfo, type ErrorInfo } from '../lib/errors';

export type ActionResult<Data> =
  | { ok: true; data: Data }
  /** `error` for what ErrorInfo doesn't carry (e.g. publishQuiz's `extensions.problems`). */
  | { ok: false; failure: ErrorInfo; error: CombinedError | undefined };

export interface Action<Data, Variables extends AnyVariables> {
  /** Sends the mutation; resolves with its data, or with what went wrong (also kept in `error`). */
  run: (variables: Variables, context?: Partial<OperationContext>) => Promise<ActionResult<Data>>;
  /** True while the mutation is on its way. */
  busy: boolean;
  /** The last run's failure as a sentence for the user, or null. */
  error: string | null;
  /** The last run's `BAD_USER_INPUT` `extensions.fields` (input field → message). */
  fieldErrors: Record<string, string>;
  /** Forgets the last failure (a dialog opened again starts clean). */
  reset: () => void;
}

/**
 * The one way pages run a mutation. The cache (src/data/cache.ts) brings every list up to date
 * from the payload, and the client's session exchange handles `UNAUTHENTICATED`, so a page only
 * says what happened. A payload with an error counts as a failure (the mutation changed nothing).
 */
export function useAction<Data, Variables extends AnyVariables>(document: TypedDocumentNode<Data, Variables>): Action<Data, Variables> {
  const [{ fetching }, execute] = useMutation(document);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const run = useCallback(
    async (variables: Variables, context?: Partial<OperationContext>): Promise<ActionResult<Data>> => {
      setFailure(null);
      const { data, error } = await execute(variables, context);
      const info = errorInfo(error);
      if (!info && data) return { ok: true, data };
      const failed = info ?? { code: null, message: 'Something went wrong. Please try again.', retryAfterSeconds: null, fields: {} };
      setFailure(failed);
      return { ok: false, failure: failed, error };
    },
    [execute],
  );
  const reset = useCallback(() => setFailure(null), []);
  return { run, busy: fetching, error: failure?.message ?? null, fieldErrors: failure?.fields ?? {}, reset };
}
