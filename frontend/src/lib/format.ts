export function formatDateTime(iso: string | null | undefined, empty = '—'): string {
  if (!iso) return empty;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatDate(iso: string | null | undefined, empty = '—'): string {
  if (!iso) return empty;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

export type KeyStatus = 'active' | 'retiring' | 'disabled' | 'revoked' | 'expired';

export function keyStatus(
  k: { enabled: boolean; revokedAt?: string | null; expiresAt?: string | null },
  now: Date = new Date(),
): KeyStatus {
  // After a rotation with a grace period, revokedAt is when the old key will stop.
  if (k.revokedAt && new Date(k.revokedAt).getTime() <= now.getTime()) return 'revoked';
  if (k.expiresAt && new Date(k.expiresAt).getTime() <= now.getTime()) return 'expired';
  if (!k.enabled) return 'disabled';
  return k.revokedAt ? 'retiring' : 'active';
}

/** `YYYY-MM-DD` from a date input as the start (or end) of that local day in ISO 8601. */
export function dayBoundaryIso(date: string, end: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const d = new Date(`${date}T${end ? '23:59:59.999' : '00:00:00'}`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
