// Webhooks page logic: the event catalogue, the event picker's state, endpoint form
// validation, health and delivery formatting, and the verification snippets.
import type { WebhookEvent } from '../gql/graphql';

export interface EventInfo {
  /** The schema's enum value. */
  readonly value: WebhookEvent;
  /** The event's name on the wire and in inputs (quiz.completed). */
  readonly name: string;
  readonly description: string;
  /** The platform does not produce it yet (the feature doesn't exist). */
  readonly future?: boolean;
}

/** Every value of the schema's WebhookEvent enum, in the order the page lists them. */
export const WEBHOOK_EVENTS = [
  { value: 'QUIZ_CREATED', name: 'quiz.created', description: 'A quiz was created' },
  { value: 'QUIZ_COMPLETED', name: 'quiz.completed', description: 'A participant submitted an attempt' },
  { value: 'USER_SCORED', name: 'user.scored', description: "A participant's attempt was scored" },
  { value: 'LEADERBOARD_UPDATED', name: 'leaderboard.updated', description: "A quiz's top 10 changed (at most one every 5 seconds per board)" },
  { value: 'USER_REGISTERED', name: 'user.registered', description: 'A member was added' },
  { value: 'CERTIFICATE_ISSUED', name: 'certificate.issued', description: 'A certificate was issued', future: true },
  { value: 'TOURNAMENT_STARTED', name: 'tournament.started', description: 'A tournament started', future: true },
  { value: 'TOURNAMENT_ENDED', name: 'tournament.ended', description: 'A tournament ended', future: true },
  { value: 'PAYMENT_RECEIVED', name: 'payment.received', description: 'A payment was received', future: true },
] as const satisfies readonly EventInfo[];

// Fails to type-check when the schema's enum gains a value this list lacks.
type Missing = Exclude<WebhookEvent, (typeof WEBHOOK_EVENTS)[number]['value']>;
const everyEventListed: [Missing] extends [never] ? true : Missing = true;
void everyEventListed;

export const EVENT_NAMES: readonly string[] = WEBHOOK_EVENTS.map((e) => e.name);

/** QUIZ_COMPLETED → quiz.completed (the enum's rule: the name in capitals, dots as underscores). */
export function eventName(value: WebhookEvent | string): string {
  const known = WEBHOOK_EVENTS.find((e) => e.value === value);
  if (known) return known.name;
  const i = value.indexOf('_');
  return (i < 0 ? value : `${value.slice(0, i)}.${value.slice(i + 1)}`).toLowerCase();
}

// --- event picker ----------------------------------------------------------------------

export interface EventSelection {
  /** 'all': every event, including those added later; 'some': only the chosen ones. */
  mode: 'all' | 'some';
  /** Chosen event names (kept while 'all' is on, so switching back restores them). */
  chosen: readonly string[];
}

export const ALL_EVENTS: EventSelection = { mode: 'all', chosen: [] };

/** The picker's state for an endpoint's `events` (empty means every event). */
export function selectionFromEvents(events: readonly string[]): EventSelection {
  return events.length === 0 ? ALL_EVENTS : { mode: 'some', chosen: sortEvents(events) };
}

export function setMode(sel: EventSelection, mode: EventSelection['mode']): EventSelection {
  return { ...sel, mode };
}

export function toggleEvent(sel: EventSelection, name: string, on: boolean): EventSelection {
  const set = new Set(sel.chosen);
  if (on) set.add(name);
  else set.delete(name);
  return { mode: 'some', chosen: sortEvents([...set]) };
}

/** The `events` input: [] for every event, else the chosen names in catalogue order. */
export function eventsInput(sel: EventSelection): string[] {
  return sel.mode === 'all' ? [] : sortEvents(sel.chosen);
}

export function selectionError(sel: EventSelection): string | undefined {
  return sel.mode === 'some' && sel.chosen.length === 0 ? 'Choose at least one event, or “All events”.' : undefined;
}

/** Catalogue order; unknown names (from a newer server) last, alphabetically. */
export function sortEvents(names: readonly string[]): string[] {
  const rank = (n: string) => {
    const i = EVENT_NAMES.indexOf(n);
    return i < 0 ? EVENT_NAMES.length : i;
  };
  return [...new Set(names)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** How a list shows what an endpoint receives. */
export function describeEvents(events: readonly string[]): string {
  if (events.length === 0) return 'All events';
  const sorted = sortEvents(events);
  return sorted.length <= 3 ? sorted.join(', ') : `${sorted.slice(0, 2).join(', ')} and ${sorted.length - 2} more`;
}

// --- endpoint form -----------------------------------------------------------------------

export interface EndpointForm {
  url: string;
  description: string;
  events: EventSelection;
  enabled: boolean;
}

export type EndpointField = 'url' | 'description' | 'events';
export type EndpointErrors = Partial<Record<EndpointField, string>>;

export const MAX_DESCRIPTION = 500;

/** Mirrors what the server checks without a DNS lookup; the server's address checks come back as `url` errors. */
export function validateEndpoint(form: EndpointForm): EndpointErrors {
  const errors: EndpointErrors = {};
  const url = form.url.trim();
  if (!url) errors.url = 'Enter the URL the events are sent to.';
  else {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
    if (!parsed || !parsed.hostname) errors.url = 'Enter a full URL, e.g. https://example.com/quizgraph.';
    else if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') errors.url = 'The URL must start with https://.';
    else if (parsed.username || parsed.password) errors.url = 'Leave user names and passwords out of the URL.';
  }
  if (form.description.length > MAX_DESCRIPTION) errors.description = `At most ${MAX_DESCRIPTION} characters (now ${form.description.length}).`;
  const ev = selectionError(form.events);
  if (ev) errors.events = ev;
  return errors;
}

/** Maps the server's BAD_USER_INPUT `extensions.fields` onto the form. */
export function endpointFieldErrors(fields: Record<string, string>): EndpointErrors {
  const out: EndpointErrors = {};
  for (const [k, v] of Object.entries(fields)) {
    if (k === 'url' || k === 'description' || k === 'events') out[k] = v;
  }
  return out;
}

// --- health and the delivery log -------------------------------------------------------------

export interface HealthInput {
  enabled: boolean;
  status: 'ACTIVE' | 'FAILING' | 'DISABLED';
  disabledReason?: string | null;
  health: {
    failingSince?: string | null;
    lastSuccessAt?: string | null;
    lastFailureAt?: string | null;
    pending: number;
    succeededLast24h: number;
    failedLast24h: number;
  };
}

export interface HealthSummary {
  tone: 'ok' | 'warn' | 'bad' | 'off' | 'idle';
  /** One word for the status chip. */
  label: string;
  /** One line: what happened recently. */
  detail: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** A short "how is it doing" for an endpoint; `when` formats the times (injectable for tests). */
export function healthSummary(w: HealthInput, when: (iso: string) => string, now: Date = new Date()): HealthSummary {
  const h = w.health;
  const tries = h.succeededLast24h + h.failedLast24h;
  const counts = tries === 0 ? 'no tries in the last 24 h' : `${plural(h.succeededLast24h, 'success', 'successes')}, ${plural(h.failedLast24h, 'failure')} in 24 h`;
  const waiting = h.pending > 0 ? ` · ${plural(h.pending, 'delivery', 'deliveries')} waiting` : '';
  if (w.status === 'DISABLED' || !w.enabled) {
    const why = w.disabledReason ? `Disabled by the server: ${w.disabledReason}` : 'Disabled: no events are sent to it';
    return { tone: 'off', label: 'Disabled', detail: `${why}${waiting}` };
  }
  if (w.status === 'FAILING') {
    const since = h.failingSince ? `failing since ${when(h.failingSince)} (${ago(h.failingSince, now)})` : 'its last tries failed';
    const last = h.lastSuccessAt ? `; last success ${when(h.lastSuccessAt)}` : '; no success yet';
    return { tone: 'bad', label: 'Failing', detail: `${capitalize(since)}${last} · ${counts}${waiting}` };
  }
  if (tries === 0 && !h.lastSuccessAt) {
    return { tone: 'idle', label: 'Active', detail: `Nothing delivered yet${waiting}` };
  }
  if (h.failedLast24h > 0) {
    return { tone: 'warn', label: 'Active', detail: `Recovered: ${counts}${waiting}` };
  }
  const last = h.lastSuccessAt ? ` · last success ${when(h.lastSuccessAt)}` : '';
  return { tone: 'ok', label: 'Active', detail: `Healthy: ${counts}${last}${waiting}` };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "3 minutes ago", "2 days ago"; "just now" under a minute. */
export function ago(iso: string, now: Date = new Date()): string {
  const ms = now.getTime() - new Date(iso).getTime();
  if (Number.isNaN(ms)) return iso;
  const s = Math.floor(ms / 1000);
  if (s < 60) return 'just now';
  const m = Math.floor(s / 60);
  if (m < 60) return `${plural(m, 'minute')} ago`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${plural(h, 'hour')} ago`;
  return `${plural(Math.floor(h / 24), 'day')} ago`;
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms == null) return '—';
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

/** The first `max` characters of a response body on one line, with an ellipsis when cut. */
export function truncateBody(body: string | null | undefined, max = 80): { text: string; truncated: boolean } {
  if (!body) return { text: '', truncated: false };
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return { text: flat, truncated: flat !== body };
  return { text: `${flat.slice(0, max - 1)}…`, truncated: true };
}

/** What the HTTP column says for one try. */
export function tryOutcome(t: { httpStatus?: number | null; error?: string | null }): { text: string; ok: boolean } {
  if (t.httpStatus != null) return { text: String(t.httpStatus), ok: t.httpStatus >= 200 && t.httpStatus < 300 };
  return { text: t.error ? `No answer: ${t.error}` : 'No answer', ok: false };
}

export const DELIVERY_STATUS_LABEL: Record<'PENDING' | 'SUCCEEDED' | 'FAILED', string> = {
  PENDING: 'Pending',
  SUCCEEDED: 'Delivered',
  FAILED: 'Failed',
};

// --- rotation ---------------------------------------------------------------------------------

export const ROTATION_GRACE_PERIODS: readonly { seconds: number; label: string }[] = [
  { seconds: 0, label: 'None: the old secret stops signing now' },
  { seconds: 3600, label: '1 hour' },
  { seconds: 86400, label: '24 hours' },
  { seconds: 3 * 86400, label: '3 days' },
  { seconds: 7 * 86400, label: '7 days (the longest allowed)' },
];

export function graceExplanation(seconds: number): string {
  if (seconds <= 0) return 'Messages are signed with the new secret only, from now on: receivers still using the old one reject them until updated.';
  const label = ROTATION_GRACE_PERIODS.find((g) => g.seconds === seconds)?.label.replace(/ \(.*\)$/, '') ?? plural(seconds, 'second');
  return `For ${label}, every message carries two signatures, one with the old secret and one with the new, so your receivers keep accepting them while you switch. After that only the new secret signs.`;
}

// --- verification snippets (README "Webhooks") ------------------------------------------------

export const PYTHON_SNIPPET = `# pip install standardwebhooks
import os
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

verifier = Webhook(os.environ["QUIZGRAPH_WEBHOOK_SECRET"])  # "whsec_…"

async def receive(request):  # e.g. a Starlette route
    body = (await request.body()).decode()
    try:
        event = verifier.verify(body, dict(request.headers))
    except WebhookVerificationError:
        return Response(status_code=400)
    if already_seen(request.headers["webhook-id"]):  # the same on every retry
        return Response(status_code=200)
    handle(event["event"], event["org"], event["data"])
    return Response(status_code=204)
`;

export const NODE_SNIPPET = `// npm install standardwebhooks
import express from "express";
import { Webhook } from "standardwebhooks";

// The Node package takes the base64 part of the secret, without "whsec_".
const verifier = new Webhook(process.env.QUIZGRAPH_WEBHOOK_SECRET.replace(/^whsec_/, ""));
const app = express();

app.post("/quizgraph", express.raw({ type: "application/json" }), (req, res) => {
  let event;
  try {
    event = verifier.verify(req.body.toString("utf8"), req.headers);
  } catch {
    return res.sendStatus(400);
  }
  handle(event.event, event.org, event.data); // deduplicate on req.headers["webhook-id"]
  res.sendStatus(204);
});
`;
