// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { watchIntegrity, type IntegrityReport } from '../src/pages/integrity/reporting';
import { countsText, draftOf, rulesInput } from '../src/pages/integrity/model';

const NOW = new Date('2026-12-01T10:00:00.000Z');

describe('what the take page reports', () => {
  let stop: (() => void) | null = null;
  afterEach(() => {
    stop?.();
    stop = null;
    delete (document as { visibilityState?: unknown }).visibilityState;
  });
  const watch = () => {
    const reports: IntegrityReport[] = [];
    stop = watchIntegrity(document, (r) => reports.push(r), () => NOW);
    return reports;
  };
  const setVisibility = (state: DocumentVisibilityState) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    document.dispatchEvent(new Event('visibilitychange'));
  };

  it('reports the page hidden and shown again, with the browser time', () => {
    const reports = watch();
    setVisibility('hidden');
    setVisibility('visible');
    expect(reports).toEqual([
      { type: 'PAGE_HIDDEN', occurredAt: NOW.toISOString() },
      { type: 'PAGE_SHOWN', occurredAt: NOW.toISOString() },
    ]);
  });

  it('reports leaving full screen, not entering it', () => {
    const reports = watch();
    let element: Element | null = document.body;
    Object.defineProperty(document, 'fullscreenElement', { configurable: true, get: () => element });
    document.dispatchEvent(new Event('fullscreenchange'));
    element = null;
    document.dispatchEvent(new Event('fullscreenchange'));
    expect(reports.map((r) => r.type)).toEqual(['FULLSCREEN_EXITED']);
  });

  it('reports copy and paste with how long the text was, never the text', () => {
    const reports = watch();
    const paste = new Event('paste') as Event & { clipboardData: unknown };
    paste.clipboardData = { getData: () => 'the answer is 42' };
    document.dispatchEvent(paste);
    document.dispatchEvent(new Event('copy'));
    expect(reports).toEqual([
      { type: 'PASTE', occurredAt: NOW.toISOString(), details: { length: 16 } },
      { type: 'COPY', occurredAt: NOW.toISOString(), details: { length: 0 } },
    ]);
    expect(JSON.stringify(reports)).not.toContain('42');
  });

  it('stops reporting once the attempt leaves the page', () => {
    const reports = watch();
    stop?.();
    stop = null;
    setVisibility('hidden');
    expect(reports).toEqual([]);
  });
});

describe('the Integrity page', () => {
  const zero = { pageSwitches: 0, hiddenSeconds: 0, fullscreenExits: 0, clipboardEvents: 0, bulkAnswerChanges: 0, ipAddressCount: 1, deviceCount: 1, eventCount: 0 };

  it('says a record’s counts in words, leaving out what didn’t happen', () => {
    expect(countsText(zero)).toBe('No events');
    expect(countsText({ ...zero, pageSwitches: 4, hiddenSeconds: 12.4, ipAddressCount: 2, eventCount: 9 })).toBe('4 page switches · 12 s away · 2 IP addresses');
    expect(countsText({ ...zero, clipboardEvents: 1, eventCount: 1 })).toBe('1 copy or paste');
  });

  it('sends only the thresholds changed, an empty box as not checked', () => {
    const current = { maxPageSwitches: 3, maxHiddenSeconds: 60, maxIpAddresses: 1, maxDevices: null };
    const draft = { ...draftOf(current), maxPageSwitches: '5', maxHiddenSeconds: '' };
    expect(draftOf(current).maxDevices).toBe('');
    expect(rulesInput(draft, current)).toEqual({ input: { maxPageSwitches: 5, maxHiddenSeconds: null }, errors: {} });
    expect(rulesInput(draftOf(current), current).input).toEqual({});
  });

  it('refuses values outside the server’s bounds before sending', () => {
    const current = { maxIpAddresses: 1 };
    const { input, errors } = rulesInput({ ...draftOf(current), maxIpAddresses: '0', maxPageSwitches: '2.5' }, current);
    expect(input).toEqual({});
    expect(errors.maxIpAddresses).toMatch(/1 to 9/);
    expect(errors.maxPageSwitches).toMatch(/whole number/);
  });
});
