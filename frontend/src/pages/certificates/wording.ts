import type { CertificateFieldsFragment } from '../../gql/graphql';

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, … */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 10 && tens <= 20) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
}

const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

/** What the certificate says was achieved, as the public page and the PDF say it. */
export function achievement(c: Pick<CertificateFieldsFragment, 'kind' | 'title' | 'score' | 'maxScore' | 'percentage' | 'rank'>): string {
  if (c.kind === 'TOURNAMENT') return `Finished the tournament “${c.title}”${c.rank ? ` in ${ordinal(c.rank)} place` : ''}`;
  let text = `Passed the quiz “${c.title}”`;
  if (c.score != null && c.maxScore) {
    text += ` with ${num(c.score)} of ${num(c.maxScore)} points`;
    if (c.percentage != null) text += ` (${num(c.percentage)}%)`;
  }
  return text;
}
