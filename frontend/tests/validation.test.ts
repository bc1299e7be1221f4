import { describe, expect, it } from 'vitest';
import { expiryToIso, hasErrors, validateAddMember, validateCreateKey } from '../src/lib/validation';
import { MODEL, ROLES } from './accessModel';

const good = { username: 'ada.l', displayName: 'Ada Lovelace', role: 'TEACHER', password: 'correct horse' };

describe('validateAddMember', () => {
  it('accepts a good form', () => {
    expect(validateAddMember(good, ROLES)).toEqual({});
  });
  it('requires every field', () => {
    const e = validateAddMember({ username: ' ', displayName: '', role: '', password: '' }, ROLES);
    expect(Object.keys(e).sort()).toEqual(['displayName', 'password', 'role', 'username']);
    expect(hasErrors(e)).toBe(true);
  });
  it('rejects bad usernames', () => {
    expect(validateAddMember({ ...good, username: 'has space' }, ROLES).username).toBeTruthy();
    expect(validateAddMember({ ...good, username: 'Upper' }, ROLES).username).toBeTruthy();
    expect(validateAddMember({ ...good, username: 'ab' }, ROLES).username).toBeTruthy();
    expect(validateAddMember({ ...good, username: 'x'.repeat(65) }, ROLES).username).toBeTruthy();
    expect(validateAddMember({ ...good, username: 'ok_name-1' }, ROLES).username).toBeUndefined();
  });
  it('rejects an unknown role and a short password', () => {
    expect(validateAddMember({ ...good, role: 'GOD' }, ROLES).role).toBeTruthy();
    expect(validateAddMember({ ...good, password: 'x'.repeat(257) }, ROLES).password).toBeTruthy();
    expect(validateAddMember({ ...good, displayName: 'x'.repeat(201) }, ROLES).displayName).toBeTruthy();
    expect(validateAddMember({ ...good, password: 'short' }, ROLES).password).toMatch(/8/);
  });
});

describe('validateCreateKey', () => {
  const owner = ['org:read', 'org:write', 'quizzes:read', 'quizzes:write', 'api_keys:read', 'api_keys:write', 'audit:read'];
  const now = new Date('2030-01-01T12:00:00Z');
  const form = { name: 'Gradebook', scopes: ['quizzes:read'], rateLimitPerMinute: '60', expiresOn: '' };

  it('accepts a good form', () => {
    expect(validateCreateKey(form, owner, MODEL, now)).toEqual({});
  });
  it('requires a name and a scope', () => {
    const e = validateCreateKey({ ...form, name: '  ', scopes: [] }, owner, MODEL, now);
    expect(e.name).toBeTruthy();
    expect(e.scopes).toBeTruthy();
  });
  it('refuses non-grantable scopes even for the owner', () => {
    expect(validateCreateKey({ ...form, scopes: ['org:write'] }, owner, MODEL, now).scopes).toMatch(/never/);
    expect(validateCreateKey({ ...form, scopes: ['api_keys:read'] }, owner, MODEL, now).scopes).toMatch(/never/);
  });
  it("refuses scopes the creator doesn't hold", () => {
    expect(validateCreateKey({ ...form, scopes: ['members:write'] }, owner, MODEL, now).scopes).toMatch(/don't hold/);
  });
  it('checks the rate limit', () => {
    for (const bad of ['0', '-1', '1.5', 'abc', '10001']) {
      expect(validateCreateKey({ ...form, rateLimitPerMinute: bad }, owner, MODEL, now).rateLimitPerMinute, bad).toBeTruthy();
    }
    expect(validateCreateKey({ ...form, rateLimitPerMinute: '' }, owner, MODEL, now).rateLimitPerMinute).toBeUndefined();
    expect(validateCreateKey({ ...form, rateLimitPerMinute: '10000' }, owner, MODEL, now).rateLimitPerMinute).toBeUndefined();
  });
  it('requires a future expiry date when one is given', () => {
    expect(validateCreateKey({ ...form, expiresOn: '2029-12-31' }, owner, MODEL, now).expiresOn).toBeTruthy();
    expect(validateCreateKey({ ...form, expiresOn: '2030-02-30' }, owner, MODEL, now).expiresOn).toBeTruthy();
    expect(validateCreateKey({ ...form, expiresOn: '2030-01-01' }, owner, MODEL, now).expiresOn).toBeUndefined();
    expect(validateCreateKey({ ...form, expiresOn: '2030-06-01' }, owner, MODEL, now).expiresOn).toBeUndefined();
  });
  it('turns a date into the end of that UTC day', () => {
    expect(expiryToIso('2030-06-01')).toBe('2030-06-01T23:59:59.000Z');
    expect(expiryToIso('nope')).toBeNull();
  });
});
