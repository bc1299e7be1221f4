import { describe, expect, it } from 'vitest';
import { emptyForm, formOf, fromLocalInput, inputOf, moveRound, toLocalInput } from '../src/pages/tournaments/model';

describe('the tournament form', () => {
  it('round-trips local times through ISO instants', () => {
    const iso = '2026-12-01T09:30:00.000Z';
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
    expect(fromLocalInput('')).toBeNull();
  });

  it('sends the fee in whole minor units, upper-case currency, roles only for ROLES', () => {
    const form = { ...emptyForm(), name: 'Cup', rounds: ['q1'], entryRule: 'REGISTERED' as const, entryRoles: ['STUDENT' as const], feeAmount: '1999', feeCurrency: 'eur' };
    const input = inputOf(form);
    expect(input.entryFee).toEqual({ amount: 1999, currency: 'EUR' });
    expect(input.entryRoles).toEqual([]);
    expect(input.maxEntrants).toBeNull();
    expect(inputOf({ ...form, feeAmount: '19.99' }).entryFee?.amount).toBeNaN();
  });

  it('reads a stored tournament back into the form', () => {
    const form = formOf({
      name: 'Cup',
      rounds: [{ quizId: 'a' }, { quizId: 'b' }],
      startsAt: '2026-12-01T09:00:00Z',
      endsAt: '2026-12-01T10:00:00Z',
      entryRule: 'ROLES',
      entryRoles: ['TEACHER'],
      entryFee: null,
      maxEntrants: 5,
      winnersCount: 2,
      certificatesForWinners: true,
    });
    expect(form.rounds).toEqual(['a', 'b']);
    expect(inputOf(form)).toMatchObject({ entryRoles: ['TEACHER'], maxEntrants: 5, winnersCount: 2, entryFee: null });
  });

  it('moves rounds within the list only', () => {
    expect(moveRound(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveRound(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });
});
