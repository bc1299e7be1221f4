import { describe, expect, it } from 'vitest';
import { assignableRoles, manageRefusal } from '../src/lib/roles';
import { ROLES } from './accessModel';

describe('which members a role may manage (mirrors the server)', () => {
  it('only an owner manages an owner', () => {
    expect(manageRefusal(ROLES, 'ADMIN', 'OWNER')).toBe('Only an owner can create, change or remove an owner.');
    expect(manageRefusal(ROLES, 'OWNER', 'OWNER')).toBeNull();
    expect(manageRefusal(ROLES, 'ADMIN', 'OWNER', true)).toBeNull();
  });
  it('nobody manages a role above their own', () => {
    expect(manageRefusal(ROLES, 'TEACHER', 'ADMIN')).toMatch(/above yours/);
    expect(manageRefusal(ROLES, 'ADMIN', 'ADMIN')).toBeNull();
    expect(manageRefusal(ROLES, 'ADMIN', 'STUDENT')).toBeNull();
  });
  it('offers an admin every role but owner', () => {
    expect(assignableRoles(ROLES, 'ADMIN')).toEqual(['ADMIN', 'TEACHER', 'STUDENT']);
    expect(assignableRoles(ROLES, 'OWNER')).toEqual(ROLES);
  });
});
