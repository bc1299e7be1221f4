// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { Provider, type Client } from 'urql';
import { parse } from 'graphql';
import { useLatestQuery } from '../src/lib/useLatestQuery';

type Result = { data: { n: number } };

function fakeClient() {
  const pending: ((r: Result) => void)[] = [];
  const client = {
    query: () => ({ toPromise: () => new Promise<Result>((resolve) => pending.push(resolve)) }),
  } as unknown as Client;
  return { client, pending };
}

const doc = parse('query Q { n }') as never;

describe('useLatestQuery', () => {
  it('keeps only the answer to the newest request, whatever order answers arrive in', async () => {
    const { client, pending } = fakeClient();
    const wrapper = ({ children }: { children: ReactNode }) => createElement(Provider, { value: client }, children);
    const { result } = renderHook(() => useLatestQuery<{ n: number }, Record<string, never>>(doc, {}), { wrapper });
    await waitFor(() => expect(pending.length).toBeGreaterThanOrEqual(1));
    const first = pending.length;
    act(() => result.current[1]()); // a reload after a mutation
    expect(pending.length).toBe(first + 1);

    // The newer request answers first, then the older, stale one.
    await act(async () => pending[first]!({ data: { n: 2 } }));
    expect(result.current[0].data).toEqual({ n: 2 });
    expect(result.current[0].fetching).toBe(false);
    await act(async () => {
      for (let i = 0; i < first; i++) pending[i]!({ data: { n: 1 } });
    });
    expect(result.current[0].data).toEqual({ n: 2 });
  });
});
