/**
 * The tournament form's values and the API's input: times as the browser's local
 * `datetime-local` text one way and ISO instants the other, the fee as whole minor units.
 */
import type { Role, TournamentEntryRule } from '../../gql/graphql';
import { formatMoney } from '../payments/money';

export interface TournamentForm {
  name: string;
  rounds: string[];
  startsAt: string; // datetime-local, the viewer's time zone
  endsAt: string;
  entryRule: TournamentEntryRule;
  entryRoles: Role[];
  feeAmount: string; // minor units, as typed ('' for free)
  feeCurrency: string;
  maxEntrants: string; // '' for no cap
  winnersCount: string;
  certificatesForWinners: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as `datetime-local` text in this browser's time zone. */
export function toLocalInput(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** `datetime-local` text (local time) as an ISO instant; null when empty or invalid. */
export function fromLocalInput(text: string): string | null {
  if (!text) return null;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function emptyForm(now: Date = new Date()): TournamentForm {
  const start = new Date(now.getTime() + 60 * 60 * 1000);
  start.setMinutes(0, 0, 0);
  const end = new Date(start.getTime() + 60 * 60 * 1000);
  return {
    name: '',
    rounds: [],
    startsAt: toLocalInput(start),
    endsAt: toLocalInput(end),
    entryRule: 'EVERY_MEMBER',
    entryRoles: [],
    feeAmount: '',
    feeCurrency: 'EUR',
    maxEntrants: '',
    winnersCount: '3',
    certificatesForWinners: false,
  };
}

interface Stored {
  name: string;
  rounds: { quizId: string }[];
  startsAt: string;
  endsAt: string;
  entryRule: TournamentEntryRule;
  entryRoles: Role[];
  entryFee: { amount: number; currency: string } | null;
  maxEntrants: number | null;
  winnersCount: number;
  certificatesForWinners: boolean;
}

export function formOf(t: Stored): TournamentForm {
  return {
    name: t.name,
    rounds: t.rounds.map((r) => r.quizId),
    startsAt: toLocalInput(t.startsAt),
    endsAt: toLocalInput(t.endsAt),
    entryRule: t.entryRule,
    entryRoles: [...t.entryRoles],
    feeAmount: t.entryFee ? String(t.entryFee.amount) : '',
    feeCurrency: t.entryFee?.currency ?? 'EUR',
    maxEntrants: t.maxEntrants == null ? '' : String(t.maxEntrants),
    winnersCount: String(t.winnersCount),
    certificatesForWinners: t.certificatesForWinners,
  };
}

/** A whole number typed into a field; NaN for anything else (the server says what is wrong). */
const whole = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** The create input (the update input is the same fields with the tournament's id). */
export function inputOf(form: TournamentForm) {
  const free = form.feeAmount.trim() === '';
  return {
    name: form.name,
    rounds: form.rounds,
    startsAt: fromLocalInput(form.startsAt) ?? form.startsAt,
    endsAt: fromLocalInput(form.endsAt) ?? form.endsAt,
    entryRule: form.entryRule,
    entryRoles: form.entryRule === 'ROLES' ? form.entryRoles : [],
    entryFee: free ? null : { amount: whole(form.feeAmount), currency: form.feeCurrency.trim().toUpperCase() },
    maxEntrants: form.maxEntrants.trim() === '' ? null : whole(form.maxEntrants),
    winnersCount: whole(form.winnersCount),
    certificatesForWinners: form.certificatesForWinners,
  };
}

/** Moves the round at `index` by `step` (-1 up, +1 down); the list unchanged at the ends. */
export function moveRound(rounds: string[], index: number, step: -1 | 1): string[] {
  const to = index + step;
  if (to < 0 || to >= rounds.length) return rounds;
  const next = [...rounds];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

export const STATUS_LABELS = { SCHEDULED: 'Scheduled', RUNNING: 'Running', ENDED: 'Ended' } as const;

/** A fee for people, in the currency's own minor unit (2 decimals for EUR, none for JPY). */
export function feeText(amount: number, currency: string): string {
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return `${amount} ${currency} (minor units)`;
  }
  return formatMoney(amount, currency, digits);
}
