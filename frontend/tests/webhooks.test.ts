import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse, Kind } from 'graphql';
import {
  ALL_EVENTS,
  WEBHOOK_EVENTS,
  ago,
  describeEvents,
  endpointFieldErrors,
  eventName,
  eventsInput,
  formatDuration,
  graceExplanation,
  healthSummary,
  selectionError,
  selectionFromEvents,
  setMode,
  toggleEvent,
  truncateBody,
  tryOutcome,
  validateEndpoint,
  type HealthInput,
} from '../src/lib/webhooks';

const when = (iso: string) => `<${iso}>`;
const NOW = new Date('2026-03-01T12:00:00Z');

function endpoint(over: Partial<HealthInput> = {}, health: Partial<HealthInput['health']> = {}): HealthInput {
  return {
    enabled: true,
    status: 'ACTIVE',
    disabledReason: null,
    ...over,
    health: { failingSince: null, lastSuccessAt: null, lastFailureAt: null, pending: 0, succeededLast24h: 0, failedLast24h: 0, ...health },
  };
}

describe('event catalogue', () => {
  it('lists every value of the schema enum once, named as the server names them', () => {
    const sdl = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
    const enumDef = parse(sdl).definitions.find((d) => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'WebhookEvent');
    const values = enumDef && 'values' in enumDef ? (enumDef.values ?? []).map((v) => v.name.value) : [];
    expect(values.length).toBeGreaterThan(0);
    expect(WEBHOOK_EVENTS.map((e) => e.value).sort()).toEqual([...values].sort());
    for (const e of WEBHOOK_EVENTS) expect(e.name.toUpperCase().replace('.', '_')).toBe(e.value);
    expect(eventName('QUIZ_COMPLETED')).toBe('quiz.completed');
    expect(eventName('SOMETHING_NEW_HAPPENED')).toBe('something.new_happened');
  });
});

describe('event picker state', () => {
  it('empty events mean every event, and back', () => {
    expect(selectionFromEvents([])).toEqual(ALL_EVENTS);
    expect(eventsInput(ALL_EVENTS)).toEqual([]);
    expect(selectionError(ALL_EVENTS)).toBeUndefined();
  });
  it('keeps chosen events in catalogue order without duplicates', () => {
    const sel = selectionFromEvents(['user.scored', 'quiz.completed', 'quiz.completed']);
    expect(sel).toEqual({ mode: 'some', chosen: ['quiz.completed', 'user.scored'] });
    expect(eventsInput(toggleEvent(sel, 'quiz.created', true))).toEqual(['quiz.created', 'quiz.completed', 'user.scored']);
    expect(eventsInput(toggleEvent(sel, 'user.scored', false))).toEqual(['quiz.completed']);
  });
  it('switching to all and back restores the choice; choosing one switches to "some"', () => {
    const sel = selectionFromEvents(['quiz.completed']);
    const all = setMode(sel, 'all');
    expect(eventsInput(all)).toEqual([]);
    expect(eventsInput(setMode(all, 'some'))).toEqual(['quiz.completed']);
    expect(toggleEvent(ALL_EVENTS, 'payment.received', true)).toEqual({ mode: 'some', chosen: ['payment.received'] });
  });
  it('"some" with nothing chosen is an error, never silently "all"', () => {
    const none = toggleEvent(selectionFromEvents(['quiz.completed']), 'quiz.completed', false);
    expect(none.mode).toBe('some');
    expect(selectionError(none)).toMatch(/at least one event/);
    expect(validateEndpoint({ url: 'https://a.example/x', description: '', events: none, enabled: true }).events).toBeDefined();
  });
  it('describes a subscription briefly', () => {
    expect(describeEvents([])).toBe('All events');
    expect(describeEvents(['user.scored', 'quiz.completed'])).toBe('quiz.completed, user.scored');
    expect(describeEvents(['quiz.created', 'quiz.completed', 'user.scored', 'payment.received'])).toBe('quiz.created, quiz.completed and 2 more');
  });
});

describe('endpoint form', () => {
  const form = (url: string, description = '') => ({ url, description, events: ALL_EVENTS, enabled: true });
  it('accepts http(s) URLs and leaves address checks to the server', () => {
    expect(validateEndpoint(form('https://lms.example.com/hooks'))).toEqual({});
    expect(validateEndpoint(form('http://127.0.0.1:9000/hook'))).toEqual({});
  });
  it('refuses what is not a URL the server could take', () => {
    expect(validateEndpoint(form('')).url).toMatch(/Enter the URL/);
    expect(validateEndpoint(form('lms.example.com')).url).toMatch(/full URL/);
    expect(validateEndpoint(form('ftp://lms.example.com/')).url).toMatch(/https/);
    expect(validateEndpoint(form('https://u:p@lms.example.com/')).url).toMatch(/passwords/);
    expect(validateEndpoint(form('https://a.example/', 'x'.repeat(501))).description).toMatch(/500/);
  });
  it('maps the server field errors it knows', () => {
    expect(endpointFieldErrors({ url: 'resolves to a private address', other: 'x' })).toEqual({ url: 'resolves to a private address' });
  });
});

describe('health summary', () => {
  it('a new endpoint has delivered nothing yet', () => {
    expect(healthSummary(endpoint(), when, NOW)).toEqual({ tone: 'idle', label: 'Active', detail: 'Nothing delivered yet' });
  });
  it('a healthy endpoint counts its successes', () => {
    const s = healthSummary(endpoint({}, { succeededLast24h: 12, lastSuccessAt: '2026-03-01T11:59:00Z', pending: 1 }), when, NOW);
    expect(s).toEqual({
      tone: 'ok',
      label: 'Active',
      detail: 'Healthy: 12 successes, 0 failures in 24 h · last success <2026-03-01T11:59:00Z> · 1 delivery waiting',
    });
  });
  it('recovered endpoints still show their failures', () => {
    const s = healthSummary(endpoint({}, { succeededLast24h: 1, failedLast24h: 3, lastSuccessAt: '2026-03-01T11:00:00Z' }), when, NOW);
    expect(s.tone).toBe('warn');
    expect(s.detail).toBe('Recovered: 1 success, 3 failures in 24 h');
  });
  it('a failing endpoint says since when and when it last succeeded', () => {
    const s = healthSummary(
      endpoint({ status: 'FAILING' }, { failingSince: '2026-03-01T09:00:00Z', failedLast24h: 4, pending: 2 }),
      when,
      NOW,
    );
    expect(s).toEqual({
      tone: 'bad',
      label: 'Failing',
      detail: 'Failing since <2026-03-01T09:00:00Z> (3 hours ago); no success yet · 0 successes, 4 failures in 24 h · 2 deliveries waiting',
    });
  });
  it('a disabled endpoint gives the server reason when there is one', () => {
    expect(healthSummary(endpoint({ enabled: false, status: 'DISABLED' }), when, NOW).detail).toBe('Disabled: no events are sent to it');
    const s = healthSummary(endpoint({ enabled: false, status: 'DISABLED', disabledReason: 'the endpoint answered 410 Gone' }), when, NOW);
    expect(s).toEqual({ tone: 'off', label: 'Disabled', detail: 'Disabled by the server: the endpoint answered 410 Gone' });
  });
  it('ago is coarse', () => {
    expect(ago('2026-03-01T11:59:30Z', NOW)).toBe('just now');
    expect(ago('2026-03-01T11:59:00Z', NOW)).toBe('1 minute ago');
    expect(ago('2026-02-26T12:00:00Z', NOW)).toBe('3 days ago');
  });
});

describe('delivery log formatting', () => {
  it('durations', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(42)).toBe('42 ms');
    expect(formatDuration(1234)).toBe('1.23 s');
    expect(formatDuration(15000)).toBe('15.0 s');
    expect(formatDuration(90000)).toBe('1.5 min');
  });
  it('truncates bodies on one line', () => {
    expect(truncateBody(null)).toEqual({ text: '', truncated: false });
    expect(truncateBody('ok')).toEqual({ text: 'ok', truncated: false });
    expect(truncateBody('{\n  "a": 1\n}')).toEqual({ text: '{ "a": 1 }', truncated: true });
    const long = truncateBody('x'.repeat(200), 10);
    expect(long).toEqual({ text: `${'x'.repeat(9)}…`, truncated: true });
  });
  it('outcome of a try', () => {
    expect(tryOutcome({ httpStatus: 204 })).toEqual({ text: '204', ok: true });
    expect(tryOutcome({ httpStatus: 500 })).toEqual({ text: '500', ok: false });
    expect(tryOutcome({ httpStatus: null, error: 'timeout' })).toEqual({ text: 'No answer: timeout', ok: false });
  });
  it('grace period explanations', () => {
    expect(graceExplanation(0)).toMatch(/new secret only/);
    expect(graceExplanation(86400)).toMatch(/^For 24 hours, every message carries two signatures/);
    expect(graceExplanation(7 * 86400)).toMatch(/^For 7 days, /);
  });
});
