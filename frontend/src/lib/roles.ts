import type { Role } from './scopes';

/** Highest first: nobody manages a role above their own. */
const RANK: Record<Role, number> = { OWNER: 4, ADMIN: 3, TEACHER: 2, STUDENT: 1 };

/**
 * Why an actor of `actor` may not create, change or remove a member whose role is (or becomes)
 * `target`, or null when it may: the server's rule (app/access/scopes.manage_refusal), so the
 * dashboard doesn't offer controls that always fail. Platform staff may manage anyone.
 */
export function manageRefusal(actor: Role | null, target: Role, platform = false): string | null {
  if (platform) return null;
  if (target === 'OWNER' && actor !== 'OWNER') return 'Only an owner can create, change or remove an owner.';
  if (actor != null && RANK[target] > RANK[actor]) return "You can't manage a member whose role is above yours.";
  return null;
}

/** The roles `actor` may give a member. */
export function assignableRoles(roles: readonly Role[], actor: Role | null, platform = false): Role[] {
  return roles.filter((r) => manageRefusal(actor, r, platform) == null);
}
