import { describe, expect, it } from 'vitest';
import { bellLabel, notificationHref } from '../src/pages/notifications/bell';

describe('the notification bell', () => {
  it('names its unread count for screen readers', () => {
    expect(bellLabel(0)).toBe('Notifications, none unread');
    expect(bellLabel(3)).toBe('Notifications, 3 unread');
  });

  it('links inside the org only', () => {
    expect(notificationHref('acme', '/dashboard/integrity?attempt=QXR0ZW1wdDox')).toBe('/org/acme/dashboard/integrity?attempt=QXR0ZW1wdDox');
    expect(notificationHref('acme', 'https://evil.example/')).toBe('/org/acme/dashboard');
    expect(notificationHref('acme', '//evil.example/')).toBe('/org/acme/dashboard');
  });
});
