import { describe, expect, it } from 'vitest';
import { checkNewPassword, policyHint } from '../src/pages/account/NewPasswordFields';
import { tokenFromHash } from '../src/pages/account/ResetPasswordPage';

const policy = { __typename: 'PasswordPolicy' as const, minLength: 12, rejectCommonPasswords: true, maxLength: 256 };

describe('a new password, as the browser can judge it', () => {
  it('uses the org policy’s minimum, else the platform’s 8', () => {
    expect(checkNewPassword('elevenchars', 'elevenchars', policy)).toEqual({ newPassword: 'Use at least 12 characters.' });
    expect(checkNewPassword('eightchr', 'eightchr', null)).toEqual({});
    expect(checkNewPassword('seven77', 'seven77', null)).toEqual({ newPassword: 'Use at least 8 characters.' });
  });
  it('asks for the same password twice', () => {
    expect(checkNewPassword('a long passphrase', 'a long passphrasf', policy)).toEqual({ repeatPassword: 'The two passwords differ.' });
  });
  it('says the policy in words', () => {
    expect(policyHint(policy)).toBe('At least 12 characters, not one of the most common passwords, and not your username.');
    expect(policyHint({ ...policy, rejectCommonPasswords: false })).toBe('At least 12 characters, and not your username.');
  });
});

describe('a reset link’s token', () => {
  it('comes from the fragment', () => {
    expect(tokenFromHash('#token=abc-_123')).toBe('abc-_123');
    expect(tokenFromHash('')).toBe('');
    expect(tokenFromHash('#other=1')).toBe('');
  });
});
