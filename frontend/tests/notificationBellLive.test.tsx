// @vitest-environment jsdom
// The bell's count follows the notificationsChanged subscription without any query or reload.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { Client, Provider, subscriptionExchange, type ExecutionResult } from 'urql';
import { createElement } from 'react';
import { MemoryRouter } from 'react-router';
import { NotificationBell } from '../src/pages/notifications/NotificationBell';
import { ViewerContext, type ViewerContextValue } from '../src/data/viewer';
import { MODEL, scopesOf } from './accessModel';

type Sink = { next: (value: ExecutionResult) => void };

function setup(scopes: string[]) {
  const sinks: Sink[] = [];
  const client = new Client({
    url: '/graphql',
    exchanges: [
      subscriptionExchange({
        forwardSubscription: () => ({
          subscribe(sink: Sink) {
            sinks.push(sink);
            return { unsubscribe() {} };
          },
        }),
      }),
    ],
  });
  const viewer = { kind: 'MEMBER', role: null, scopes, member: null, organization: null } as unknown as ViewerContextValue['viewer'];
  const value: ViewerContextValue = { viewer, access: MODEL, slug: 'acme', refetch: () => {} };
  render(
    createElement(
      Provider,
      { value: client },
      createElement(ViewerContext.Provider, { value }, createElement(MemoryRouter, null, createElement(NotificationBell))),
    ),
  );
  const push = (unreadCount: number) =>
    act(() => {
      for (const sink of sinks) sink.next({ data: { notificationsChanged: { __typename: 'NotificationsUpdate', unreadCount } } } as ExecutionResult);
    });
  return { sinks, push };
}

describe('NotificationBell', () => {
  afterEach(cleanup);

  it('shows the live unread count as messages arrive', async () => {
    const { sinks, push } = setup(scopesOf('TEACHER'));
    await waitFor(() => expect(sinks).toHaveLength(1));
    push(0);
    expect(screen.getByRole('button', { name: 'Notifications, none unread' })).toBeTruthy();
    push(2);
    expect(screen.getByRole('button', { name: 'Notifications, 2 unread' })).toBeTruthy();
    expect(screen.getByTestId('notification-count').textContent).toBe('2');
    push(120);
    expect(screen.getByTestId('notification-count').textContent).toBe('99+');
  });

  it('is not there for a viewer without notifications:read, and subscribes to nothing', async () => {
    const { sinks } = setup(scopesOf('STUDENT'));
    await new Promise((r) => setTimeout(r, 50));
    expect(sinks).toHaveLength(0);
    expect(screen.queryByTestId('notification-bell')).toBeNull();
  });
});
