// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { Provider, type Client } from 'urql';
import { parse } from 'graphql';
import { useLatestQuery } from '../src/lib/useLatestQuery';

type Listener = (r: unknown) => void;

/** Like urql: a result of any request reaches every listener of the same query key. */
function fakeClient() {
  const runs: number[] = [];
  const listeners = new Set<Listener>();
  const client = {
    query: (_q: unknown, _v: unknown, context: { latestQueryRun: number }) => {
      runs.push(context.latestQueryRun);
      return {
        subscribe: (listener: Listener) => {
          listeners.add(listener);
          return { unsubscribe: () => listeners.delete(listener) };
        },
      };
    },
  } as unknown as Client;
  const answer = (run: number, n: number) => {
    for (const listener of [...listeners]) listener({ data: { n }, operation: { context: { latestQueryRun: run } } });
  };
  return { client, runs, answer };
}

const doc = parse('query Q { n }') as never;

function setUp() {
  const fake = fakeClient();
  const wrapper = ({ children }: { children: ReactNode }) => createElement(Provider, { value: fake.client }, children);
  const hook = renderHook(() => useLatestQuery<{ n: number }, Record<string, never>>(doc, {}), { wrapper });
  return { ...fake, hook };
}

describe('useLatestQuery', () => {
  it('keeps only the answer to the newest request, whatever order answers arrive in', async () => {
    const { runs, answer, hook } = setUp();
    await waitFor(() => expect(runs.length).toBeGreaterThanOrEqual(1));
    const older = runs[runs.length - 1]!;
    act(() => hook.result.current[1]()); // a reload after a mutation
    const newer = runs[runs.length - 1]!;
    expect(newer).toBeGreaterThan(older);

    // The newer request answers first, then the older, stale one.
    await act(async () => answer(newer, 2));
    expect(hook.result.current[0].data).toEqual({ n: 2 });
    expect(hook.result.current[0].fetching).toBe(false);
    await act(async () => answer(older, 1));
    expect(hook.result.current[0].data).toEqual({ n: 2 });
  });

  it('ignores an older answer delivered to the newer request before its own', async () => {
    const { runs, answer, hook } = setUp();
    await waitFor(() => expect(runs.length).toBeGreaterThanOrEqual(1));
    const older = runs[runs.length - 1]!;
    act(() => hook.result.current[1]());
    const newer = runs[runs.length - 1]!;

    // The stale answer (sent before the mutation committed) arrives first ...
    await act(async () => answer(older, 1));
    expect(hook.result.current[0].fetching).toBe(true);
    expect(hook.result.current[0].data).not.toEqual({ n: 1 });
    // ... and the page waits for its own.
    await act(async () => answer(newer, 2));
    expect(hook.result.current[0].data).toEqual({ n: 2 });
  });
});
