/** The bell's words and links (pure, for the tests). */

/** The bell button's accessible name, with the count. */
export function bellLabel(unread: number): string {
  if (unread <= 0) return 'Notifications, none unread';
  return `Notifications, ${unread} unread`;
}

/**
 * A notification's link is relative to /org/<slug> (the server says so); anything else (an
 * absolute or protocol-relative address) is not followed off the site.
 */
export function notificationHref(slug: string, link: string): string {
  const base = `/org/${encodeURIComponent(slug)}`;
  if (!link.startsWith('/') || link.startsWith('//')) return `${base}/dashboard`;
  return `${base}${link}`;
}
