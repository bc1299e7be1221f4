// Money on the Payments page: minor units become an exact decimal (no floating point) and are
// formatted by currency, whatever their size.
import { describe, expect, it } from 'vitest';
import { formatMoney, minorToDecimal } from '../src/pages/payments/money';

describe('minorToDecimal', () => {
  it('places the decimal point by the currency exponent', () => {
    expect(minorToDecimal(1250, 2)).toBe('12.50');
    expect(minorToDecimal(5, 2)).toBe('0.05');
    expect(minorToDecimal(1250, 0)).toBe('1250');
    expect(minorToDecimal('1250', 3)).toBe('1.250');
    expect(minorToDecimal(0, 2)).toBe('0.00');
  });

  it('keeps every digit of a total beyond 2^53', () => {
    expect(minorToDecimal('123456789012345678901', 2)).toBe('1234567890123456789.01');
  });

  it('refuses anything but whole minor units', () => {
    expect(() => minorToDecimal('12.5', 2)).toThrow();
  });
});

describe('formatMoney', () => {
  it('formats by the currency, with its own number of decimals', () => {
    expect(formatMoney(1250, 'USD', 2, 'en-US')).toBe('$12.50');
    expect(formatMoney(1250, 'JPY', 0, 'en-US')).toBe('¥1,250');
    expect(formatMoney('4294967294', 'USD', 2, 'en-US')).toBe('$42,949,672.94');
    expect(formatMoney(1250, 'BHD', 3, 'en-US')).toMatch(/^BHD\s1\.250$/);
  });

  it('does not round a sum that a float could not hold', () => {
    expect(formatMoney('900719925474099301', 'USD', 2, 'en-US')).toBe('$9,007,199,254,740,993.01');
  });
});
