import { describe, expect, it } from 'vitest';
import { currentDeadline, MAX_DEADLINES, parseDeadlines } from '../../../src/storage/deadlines';
import { isKnownKey } from '../../../src/storage/schema';

const entry = (requestedAt: number, over: Record<string, unknown> = {}) => ({
  flow: 'recover',
  personId: null,
  requestedAt,
  deadline: requestedAt + 180_000,
  validityMs: 180_000,
  source: 'detected',
  startedOn: 'email-sent',
  step: 'email-sent',
  stepSeenAt: requestedAt,
  notified: ['left-2m', 'bogus'],
  ...over,
});

describe('stored deadlines', () => {
  it('is a known key of storage.local', () => {
    expect(isKnownKey('deadlines')).toBe(true);
  });

  it('reads nothing as empty, and keeps only valid entries and a current key that exists', () => {
    expect(parseDeadlines(undefined)).toEqual({ value: { current: null, entries: {} }, problems: [] });
    expect(parseDeadlines('x').problems).toEqual(['deadlines']);
    const parsed = parseDeadlines({
      current: 'gone',
      entries: { 'recover:-': entry(1000), 'unlock:-': entry(2000, { startedOn: 'elsewhere' }), 'employer:-': { deadline: 'soon' } },
    });
    expect(Object.keys(parsed.value.entries)).toEqual(['recover:-']);
    expect(parsed.value.entries['recover:-']!.notified).toEqual(['left-2m']);
    expect(parsed.value.current).toBeNull();
    expect(parsed.problems).toEqual(['deadlines.entry']);
    expect(currentDeadline(parseDeadlines({ current: 'recover:-', entries: { 'recover:-': entry(1000) } }).value)?.requestedAt).toBe(1000);
  });

  it(`keeps the ${MAX_DEADLINES} most recent windows`, () => {
    const entries = Object.fromEntries(Array.from({ length: MAX_DEADLINES + 3 }, (_, i) => [`recover:p${i}`, entry(i * 1000, { personId: `p${i}` })]));
    const kept = parseDeadlines({ current: null, entries }).value.entries;
    expect(Object.keys(kept)).toHaveLength(MAX_DEADLINES);
    expect(kept['recover:p0']).toBeUndefined();
    expect(kept[`recover:p${MAX_DEADLINES + 2}`]).toBeDefined();
  });
});
