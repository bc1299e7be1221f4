import type { Role } from './access';

/**
 * Why an actor of `actor` may not create, change or remove a member whose role is (or becomes)
 * `target`, or null when it may: the server's rule (app/access/scopes.manage_refusal), so the
 * dashboard doesn't offer controls that always fail. `order` is the access model's roles, most
 * to least; nobody manages a role above their own. Platform staff may manage anyone.
 */
export function manageRefusal(order: readonly Role[], actor: Role | null, target: Role, platform = false): string | null {
  if (platform) return null;
  if (target === 'OWNER' && actor !== 'OWNER') return 'Only an owner can create, change or remove an owner.';
  if (actor != null && order.indexOf(target) < order.indexOf(actor)) return "You can't manage a member whose role is above yours.";
  return null;
}

/** The roles (of `order`, most to least) that `actor` may give a member. */
export function assignableRoles(order: readonly Role[], actor: Role | null, platform = false): Role[] {
  return order.filter((r) => manageRefusal(order, actor, r, platform) == null);
}
