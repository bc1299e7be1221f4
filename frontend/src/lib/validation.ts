import { isGrantable, type AccessModel, type Role } from './access';

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

export interface AddMemberForm {
  username: string;
  displayName: string;
  role: string;
  password: string;
}
export type AddMemberField = keyof AddMemberForm;

// The server's rules (AddMemberInput's documentation); the server checks them again.
export const USERNAME_RE = /^[a-z0-9._-]+$/;
// The platform's least minimum; an org's password policy may ask more (the server judges).
export const MIN_PASSWORD = 8;
export const MAX_PASSWORD = 256;

/** `roles`: the roles the form offers (the access model's, as far as the actor may give them). */
export function validateAddMember(f: AddMemberForm, roles: readonly Role[]): FieldErrors<AddMemberField> {
  const e: FieldErrors<AddMemberField> = {};
  const username = f.username.trim();
  if (!username) e.username = 'Enter a username.';
  else if (username.length < 3 || username.length > 64) e.username = 'Use 3 to 64 characters.';
  else if (!USERNAME_RE.test(username)) e.username = 'Use lowercase letters, digits, dots, dashes or underscores.';
  const displayName = f.displayName.trim();
  if (!displayName) e.displayName = 'Enter a display name.';
  else if (displayName.length > 200) e.displayName = 'Use at most 200 characters.';
  if (!roles.some((r) => r === f.role)) e.role = 'Choose a role.';
  if (!f.password) e.password = 'Enter a password.';
  else if (f.password.length < MIN_PASSWORD) e.password = `Use at least ${MIN_PASSWORD} characters.`;
  else if (f.password.length > MAX_PASSWORD) e.password = `Use at most ${MAX_PASSWORD} characters.`;
  return e;
}

export interface CreateKeyForm {
  name: string;
  scopes: readonly string[];
  /** As typed in the form. */
  rateLimitPerMinute: string;
  /** `YYYY-MM-DD` from a date input, or empty for no expiry. */
  expiresOn: string;
}
export type CreateKeyField = keyof CreateKeyForm;

export const MAX_RATE_LIMIT = 10_000;
export const DEFAULT_RATE_LIMIT = 600;

export function validateCreateKey(
  f: CreateKeyForm,
  viewerScopes: readonly string[],
  model: AccessModel,
  now: Date = new Date(),
): FieldErrors<CreateKeyField> {
  const e: FieldErrors<CreateKeyField> = {};
  const name = f.name.trim();
  if (!name) e.name = 'Give the key a name.';
  else if (name.length > 100) e.name = 'Use at most 100 characters.';

  if (f.scopes.length === 0) e.scopes = 'Choose at least one scope.';
  else {
    const notGrantable = f.scopes.filter((s) => !isGrantable(model, s));
    const notHeld = f.scopes.filter((s) => isGrantable(model, s) && !viewerScopes.includes(s));
    if (notGrantable.length) e.scopes = `These scopes can never be given to a key: ${notGrantable.join(', ')}.`;
    else if (notHeld.length) e.scopes = `You don't hold these scopes yourself: ${notHeld.join(', ')}.`;
  }

  const rl = f.rateLimitPerMinute.trim();
  if (rl !== '') {
    const n = Number(rl);
    if (!/^\d+$/.test(rl) || !Number.isSafeInteger(n) || n < 1 || n > MAX_RATE_LIMIT) {
      e.rateLimitPerMinute = `Enter a whole number from 1 to ${MAX_RATE_LIMIT.toLocaleString('en')}.`;
    }
  }

  if (f.expiresOn) {
    const d = expiryToIso(f.expiresOn);
    if (!d) e.expiresOn = 'Enter a valid date.';
    else if (new Date(d).getTime() <= now.getTime()) e.expiresOn = 'Choose a date in the future.';
  }
  return e;
}

/** A date input's `YYYY-MM-DD` as the end of that day, UTC, in ISO 8601; null if invalid. */
export function expiryToIso(date: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d, 23, 59, 59);
  const check = new Date(t);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return check.toISOString();
}

export function hasErrors(e: Record<string, string | undefined>): boolean {
  return Object.values(e).some(Boolean);
}
