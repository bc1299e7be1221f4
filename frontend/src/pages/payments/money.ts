/**
 * Money as the API sends it: an integer count of the currency's minor unit (a string of digits
 * for totals, which may outgrow a 32-bit Int) with the currency's ISO 4217 exponent. Formatting
 * never goes through a floating-point number: the integer's digits become an exact decimal string
 * ("1250" at exponent 2 is "12.50"), which Intl.NumberFormat formats as written.
 */

/** The minor units as an exact decimal string in major units: ("1250", 2) → "12.50". */
export function minorToDecimal(amount: number | string, exponent: number): string {
  const text = typeof amount === 'number' ? BigInt(amount).toString() : amount.trim();
  if (!/^-?\d+$/.test(text)) throw new Error(`not a whole number of minor units: ${text}`);
  const negative = text.startsWith('-');
  const digits = (negative ? text.slice(1) : text).padStart(exponent + 1, '0');
  const whole = exponent > 0 ? digits.slice(0, -exponent) : digits;
  const fraction = exponent > 0 ? `.${digits.slice(-exponent)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** The amount for people: "$12.50", "¥1,250", "BHD 1.250" in the viewer's locale. */
export function formatMoney(amount: number | string, currency: string, exponent: number, locale?: string): string {
  const decimal = minorToDecimal(amount, exponent) as Intl.StringNumericLiteral;
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    }).format(decimal);
  } catch {
    // A currency the browser's Intl data doesn't know: the exact figure and the code.
    return `${decimal} ${currency}`;
  }
}
