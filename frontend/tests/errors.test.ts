import { describe, expect, it } from 'vitest';
import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { errorInfo, loginErrorMessage } from '../src/lib/errors';
import { keyStatus } from '../src/lib/format';

const gqlError = (message: string, extensions: Record<string, unknown>) =>
  new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] });

describe('errors', () => {
  it('reads code, retry-after and fields', () => {
    const i = errorInfo(gqlError('Slow down', { code: 'RATE_LIMITED', retryAfterSeconds: 41.2 }))!;
    expect(i.code).toBe('RATE_LIMITED');
    expect(i.retryAfterSeconds).toBe(42);
    expect(loginErrorMessage(i)).toBe('Too many attempts. Try again in 42 seconds.');
    const f = errorInfo(gqlError('Bad', { code: 'BAD_USER_INPUT', fields: { username: 'taken' } }))!;
    expect(f.fields).toEqual({ username: 'taken' });
    expect(f.message).toBe('Bad');
  });
  it('gives one calm message for invalid credentials', () => {
    const i = errorInfo(gqlError('Invalid credentials', { code: 'INVALID_CREDENTIALS' }))!;
    expect(loginErrorMessage(i)).toMatch(/didn't work/);
  });
  it('shows server messages for FORBIDDEN and CONFLICT', () => {
    expect(errorInfo(gqlError('Insufficient scopes. Required: members:write', { code: 'FORBIDDEN' }))!.message).toMatch(/members:write/);
    expect(errorInfo(gqlError('Username taken', { code: 'CONFLICT' }))!.message).toBe('Username taken');
  });
  it('maps network errors', () => {
    expect(errorInfo(new CombinedError({ networkError: new Error('x') }))!.code).toBe('NETWORK');
    expect(errorInfo(null)).toBeNull();
  });
});

describe('keyStatus', () => {
  const now = new Date('2030-01-01T00:00:00Z');
  it('orders revoked > expired > enabled', () => {
    expect(keyStatus({ enabled: true, revokedAt: '2029-01-01T00:00:00Z' }, now)).toBe('revoked');
    expect(keyStatus({ enabled: true, expiresAt: '2029-01-01T00:00:00Z' }, now)).toBe('expired');
    expect(keyStatus({ enabled: false }, now)).toBe('disabled');
    expect(keyStatus({ enabled: true, expiresAt: '2031-01-01T00:00:00Z' }, now)).toBe('active');
  });
  it('shows a rotated key in its grace period as retiring', () => {
    expect(keyStatus({ enabled: true, revokedAt: '2030-01-02T00:00:00Z' }, now)).toBe('retiring');
    expect(keyStatus({ enabled: false, revokedAt: '2030-01-02T00:00:00Z' }, now)).toBe('disabled');
  });
});
