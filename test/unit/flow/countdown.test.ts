import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ANNOUNCEMENT_MESSAGES,
  ANNOUNCEMENTS,
  badgeFor,
  crossedThresholds,
  type Deadline,
  deadlineKey,
  dueAnnouncements,
  formatClock,
  isDeadline,
  nextAlarmTimes,
  phase,
  PHASE_MESSAGES,
  rebase,
  remaining,
  startAnnouncementMinutes,
  startDeadline,
  type StartInput,
} from '../../../src/flow/countdown';
import {
  BADGE_EXPIRED_HOLD_MS,
  clampValidity,
  CODE_VALIDITY_MS,
  defaultLinkValidity,
  detectedValidity,
  LINK_VALIDITY_MS,
  PACKED_ALARM_MIN_DELAY_MS,
  UNPACKED_ALARM_MIN_DELAY_MS,
  VALIDITY_OPTION_MAX_MS,
  VALIDITY_OPTION_MIN_MS,
  validityFor,
  validitySource,
} from '../../../src/flow/durations';
import { catalogues, missingKeys } from './locales';

const T0 = Date.UTC(2026, 10, 30, 12, 0, 0); // a fixed "now"; the code never reads the clock itself
const S = 1000;
const M = 60 * S;

function deadlineAt(requestedAt: number, validityMs = 3 * M, extra: Partial<Deadline> = {}): Deadline {
  return { flow: 'recover', personId: 'p1', requestedAt, deadline: requestedAt + validityMs, validityMs, source: 'detected', ...extra };
}

const input = (extra: Partial<StartInput> = {}): StartInput => ({
  flow: 'recover',
  personId: 'p1',
  now: T0 + 30 * S,
  validityMs: 3 * M,
  source: 'detected',
  ...extra,
});

describe('durations', () => {
  it('defaults each flow to the figure its source gives, and says where it comes from; unknown counts as recovery', () => {
    expect(LINK_VALIDITY_MS).toEqual({ recover: 15 * M, unlock: 3 * M, employer: 3 * M });
    expect(defaultLinkValidity('unknown')).toBe(15 * M);
    expect(defaultLinkValidity('employer')).toBe(3 * M);
    expect(validitySource('recover', 'email-sent', 15 * M)).toBe('cdSourceRecover');
    expect(validitySource('unknown', 'email-sent', 15 * M)).toBe('cdSourceRecover');
    expect(validitySource('unlock', 'email-sent', 3 * M)).toBe('cdSourceUnlock');
    expect(validitySource('employer', 'email-sent', 3 * M)).toBe('cdSourceEmployer');
    expect(validitySource('recover', 'code', CODE_VALIDITY_MS)).toBe('cdSourceCode');
    // A time the person set has no published source.
    expect(validitySource('unlock', 'email-sent', 5 * M)).toBeNull();
    // The page's own figure says so, whatever it is.
    expect(validitySource('recover', 'email-sent', 3 * M, true)).toBe('cdSourcePage');
  });

  it('times a detected request with the setting, else the figure the page states (if a person could set it), else the default', () => {
    expect(detectedValidity('recover', 'email-sent', {}, 3 * M)).toEqual({ validityMs: 3 * M, stated: true });
    expect(detectedValidity('unknown', 'code', null, 5 * M)).toEqual({ validityMs: 5 * M, stated: true });
    expect(detectedValidity('recover', 'email-sent', { recover: 10 * M }, 3 * M)).toEqual({ validityMs: 10 * M, stated: false });
    // A setting for another flow does not count for this one.
    expect(detectedValidity('recover', 'email-sent', { unlock: 10 * M }, 3 * M)).toEqual({ validityMs: 3 * M, stated: true });
    for (const nonsense of [undefined, 0, 45 * M, 2.5 * M + 1, Number.NaN, '3']) {
      expect(detectedValidity('recover', 'email-sent', {}, nonsense), String(nonsense)).toEqual({ validityMs: 15 * M, stated: false });
    }
    expect(detectedValidity('recover', 'code', {}, undefined)).toEqual({ validityMs: CODE_VALIDITY_MS, stated: false });
  });

  it.each([
    [3 * M, 3 * M],
    [0, VALIDITY_OPTION_MIN_MS],
    [-5, VALIDITY_OPTION_MIN_MS],
    [10 * 60 * M, VALIDITY_OPTION_MAX_MS],
    [2 * M + 40 * S, 2 * M + 30 * S], // rounded to the 30 s step
    [2 * M + 50 * S, 3 * M],
    [Number.NaN, 15 * M],
    ['3', 15 * M],
    [null, 15 * M],
  ])('clampValidity(%s) = %s', (value, expected) => {
    expect(clampValidity(value)).toBe(expected);
  });

  it.each([
    ['recover', 'email-sent', undefined, 15 * M],
    ['unknown', 'email-sent', null, 15 * M],
    ['unlock', 'email-sent', undefined, 3 * M],
    ['employer', 'code', undefined, CODE_VALIDITY_MS],
    ['unlock', 'email-sent', { unlock: 15 * M }, 15 * M],
    ['unlock', 'code', { unlock: 15 * M }, 15 * M],
    ['recover', 'email-sent', { unlock: 5 * M }, 15 * M],
    ['unknown', 'email-sent', { recover: 5 * M }, 5 * M],
    ['recover', 'email-sent', { recover: 999 * M }, VALIDITY_OPTION_MAX_MS],
    ['recover', 'email-sent', { recover: Number.NaN }, 15 * M],
  ] as const)('validityFor(%s, %s, %j) = %s', (flow, step, settings, expected) => {
    expect(validityFor(flow, step, settings)).toBe(expected);
  });

  it('allows at least ten times the shortest default (WCAG 2.2.1), and more than the longest', () => {
    expect(VALIDITY_OPTION_MAX_MS).toBeGreaterThanOrEqual(10 * Math.min(...Object.values(LINK_VALIDITY_MS), CODE_VALIDITY_MS));
    expect(VALIDITY_OPTION_MAX_MS).toBeGreaterThan(Math.max(...Object.values(LINK_VALIDITY_MS)));
    expect(VALIDITY_OPTION_MIN_MS).toBeGreaterThan(PACKED_ALARM_MIN_DELAY_MS);
  });
});

describe('startDeadline', () => {
  const existing = deadlineAt(T0);
  const cases: [string, Deadline | null, Partial<StartInput>, boolean, string][] = [
    ['no deadline yet', null, {}, true, 'first'],
    ['a reload of the same page within the window', existing, { previousStep: 'email-sent' }, false, 're-detected'],
    ['an AJAX re-render (no previous step known)', existing, { previousStep: null }, false, 're-detected'],
    ['a second tab on the same page', existing, {}, false, 're-detected'],
    ['the person went back to identity and sent again', existing, { previousStep: 'identity' }, true, 'resubmitted'],
    ['the person came from the questions', existing, { previousStep: 'verification' }, true, 'resubmitted'],
    ['from the profile step', existing, { previousStep: 'profile' }, true, 'resubmitted'],
    ['from the login page', existing, { previousStep: 'start' }, true, 'resubmitted'],
    ['an error page before does not count as a resubmission', existing, { previousStep: 'error' }, false, 're-detected'],
    ['another flow', existing, { flow: 'unlock' }, true, 'other-owner'],
    ['another person', existing, { personId: 'p2' }, true, 'other-owner'],
    ['no person versus a person', existing, { personId: null }, true, 'other-owner'],
    ['a manual restart always replaces', existing, { source: 'manual' }, true, 'manual'],
    ['a fresh tab after the window ended', existing, { now: T0 + 10 * M }, true, 'expired'],
    ['the same tab re-rendered after the window ended', existing, { now: T0 + 10 * M, previousStep: 'email-sent' }, false, 're-detected'],
    ['the clock went back: still within the window', existing, { now: T0 - 60 * M }, false, 're-detected'],
  ];

  it.each(cases)('%s', (_name, before, extra, started, reason) => {
    const result = startDeadline(before, input(extra));
    expect(result.started).toBe(started);
    expect(result.reason).toBe(reason);
    if (started) {
      const now = input(extra).now;
      expect(result.deadline).toMatchObject({ requestedAt: now, deadline: now + 3 * M, validityMs: 3 * M });
    } else {
      expect(result.deadline).toBe(before);
    }
  });

  it('a code page for the same owner is the link being used: never a fresh clock, even after the window', () => {
    const late = startDeadline(existing, input({ step: 'code', now: T0 + 10 * M }));
    expect(late).toMatchObject({ started: false, reason: 'link-followed' });
    expect(startDeadline(existing, input({ step: 'code' }))).toMatchObject({ started: false, reason: 're-detected' });
    // A code page right after identity is a new request (the OTP flow asks for the code on the next page).
    expect(startDeadline(existing, input({ step: 'code', previousStep: 'identity', now: T0 + 10 * M }))).toMatchObject({
      started: true,
      reason: 'resubmitted',
    });
    expect(startDeadline(null, input({ step: 'code' })).reason).toBe('first');
  });

  it('a request key decides when both sides have one, even after the window and after an earlier step', () => {
    const keyed = deadlineAt(T0, 3 * M, { requestKey: 'a' });
    expect(startDeadline(keyed, input({ requestKey: 'a', now: T0 + 60 * M, previousStep: 'identity' }))).toMatchObject({
      started: false,
      reason: 'same-request',
    });
    const other = startDeadline(keyed, input({ requestKey: 'b' }));
    expect(other).toMatchObject({ started: true, reason: 'other-request' });
    expect(other.deadline.requestKey).toBe('b');
    // Only one side keyed: the other rules apply.
    expect(startDeadline(existing, input({ requestKey: 'a' })).reason).toBe('re-detected');
  });

  it('records the owner and the source', () => {
    const { deadline } = startDeadline(null, input({ flow: 'employer', personId: null, source: 'manual', validityMs: 5 * M }));
    expect(deadline).toEqual({
      flow: 'employer',
      personId: null,
      requestedAt: T0 + 30 * S,
      deadline: T0 + 30 * S + 5 * M,
      validityMs: 5 * M,
      source: 'manual',
    });
  });

  it('never stores a negative or missing validity', () => {
    expect(startDeadline(null, input({ validityMs: -1 })).deadline.validityMs).toBe(0);
    expect(startDeadline(null, input({ validityMs: Number.NaN })).deadline.validityMs).toBe(0);
  });
});

describe('storage helpers', () => {
  it('keys deadlines by flow and person, never by tab', () => {
    expect(deadlineKey('recover', 'p1')).toBe('recover:p1');
    expect(deadlineKey('employer', null)).toBe('employer:-');
    expect(deadlineKey('recover', 'p1')).not.toBe(deadlineKey('unlock', 'p1'));
  });

  it('accepts only well-formed stored deadlines', () => {
    const good = deadlineAt(T0);
    expect(isDeadline(good)).toBe(true);
    expect(isDeadline({ ...good, requestKey: 'k' })).toBe(true);
    expect(isDeadline({ ...good, personId: null })).toBe(true);
    expect(isDeadline({ ...good, stated: true })).toBe(true);
    for (const bad of [
      null,
      undefined,
      'x',
      [],
      { ...good, flow: 'other' },
      { ...good, deadline: '1' },
      { ...good, requestedAt: Number.NaN },
      { ...good, validityMs: -1 },
      { ...good, source: 'guess' },
      { ...good, personId: 3 },
      { ...good, requestKey: 4 },
      { ...good, stated: 'yes' },
    ]) {
      expect(isDeadline(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('property: whatever startDeadline returns is a valid stored deadline', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('recover', 'unlock', 'employer', 'unknown' as const),
        fc.option(fc.string(), { nil: null }),
        fc.integer({ min: 0, max: 4e12 }),
        fc.integer({ min: -5, max: 60 * M }),
        (flow, personId, now, validityMs) => isDeadline(startDeadline(null, { flow, personId, now, validityMs, source: 'detected' }).deadline),
      ),
    );
  });
});

describe('remaining', () => {
  const d = deadlineAt(T0);
  it.each([
    ['at the request', T0, 3 * M],
    ['a second later', T0 + S, 3 * M - S],
    ['at the deadline', T0 + 3 * M, 0],
    ['long after', T0 + 24 * 60 * M, 0],
    ['the clock went back an hour', T0 - 60 * M, 3 * M],
    ['the clock went back a little', T0 - S, 3 * M],
    ['NaN now', Number.NaN, 0],
  ])('%s', (_name, now, expected) => {
    expect(remaining(d, now)).toBe(expected);
  });

  it('rebase unfreezes a window after the clock went back, and leaves a normal one alone', () => {
    const back = T0 - 60 * M;
    const rebased = rebase(d, back);
    expect(rebased).toMatchObject({ requestedAt: back, deadline: back + 3 * M, validityMs: 3 * M });
    expect(remaining(rebased, back + M)).toBe(2 * M);
    expect(rebase(d, T0 + M)).toBe(d);
    expect(rebase(d, T0)).toBe(d);
  });

  it('reads corrupt records as 0 or at most their validity', () => {
    expect(remaining({ ...d, validityMs: Number.NaN }, T0)).toBe(0);
    expect(remaining({ ...d, deadline: T0 + 99 * M }, T0)).toBe(3 * M);
    expect(remaining({ ...d, validityMs: -5 }, T0)).toBe(0);
  });

  it('property: always within [0, validity], whatever the clock does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4e12 }),
        fc.integer({ min: 0, max: 60 * M }),
        fc.array(fc.integer({ min: -1e12, max: 1e12 }), { maxLength: 20 }),
        (requestedAt, validity, jumps) => {
          const dl = deadlineAt(requestedAt, validity);
          let now = requestedAt;
          for (const jump of jumps) {
            now += jump;
            const left = remaining(dl, now);
            if (!(left >= 0 && left <= validity)) return false;
          }
          return true;
        },
      ),
    );
  });

  it('property: never increases while the clock moves forward', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 * M }), fc.array(fc.integer({ min: 0, max: 2 * M }), { maxLength: 30 }), (validity, steps) => {
        const dl = deadlineAt(T0, validity);
        let now = T0 - 5 * M;
        let prev = remaining(dl, now);
        for (const step of steps) {
          now += step;
          const next = remaining(dl, now);
          if (next > prev) return false;
          prev = next;
        }
        return true;
      }),
    );
  });
});

describe('phase and formatClock', () => {
  it.each([
    [3 * M, 'plenty'],
    [60 * S + 1, 'plenty'],
    [60 * S, 'warning'],
    [30 * S + 1, 'warning'],
    [30 * S, 'urgent'],
    [1, 'urgent'],
    [0, 'expired'],
    [-5, 'expired'],
    [Number.NaN, 'expired'],
  ])('phase(%s) = %s', (ms, expected) => {
    expect(phase(ms)).toBe(expected);
  });

  it.each([
    [3 * M, '3:00'],
    [3 * M - 1, '3:00'],
    [2 * M + 59 * S + 1, '3:00'],
    [2 * M + 59 * S, '2:59'],
    [61 * S, '1:01'],
    [60 * S, '1:00'],
    [9 * S + 1, '0:10'],
    [1, '0:01'],
    [0, '0:00'],
    [-4 * S, '0:00'],
    [Number.NaN, '0:00'],
    [Number.POSITIVE_INFINITY, '0:00'],
    [15 * M, '15:00'],
  ])('formatClock(%s) = %s', (ms, expected) => {
    expect(formatClock(ms)).toBe(expected);
  });

  it('shows 0:00 only at expiry', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 30 * M }), (ms) => formatClock(ms) !== '0:00'));
  });
});

describe('announcements', () => {
  it('orders the thresholds as they are crossed', () => {
    expect(ANNOUNCEMENTS).toEqual(['left-2m', 'left-1m', 'left-30s', 'expired']);
  });

  it.each([
    ['start', null, 3 * M, ['start']],
    ['start of an already-over window', null, 0, ['start', 'expired']],
    ['one second, nothing crossed', 3 * M, 3 * M - S, []],
    ['exactly at 2:00', 2 * M + S, 2 * M, ['left-2m']],
    ['just above 2:00 is not yet', 2 * M + 2 * S, 2 * M + 1, []],
    ['1:00', 61 * S, 60 * S, ['left-1m']],
    ['0:30', 31 * S, 30 * S, ['left-30s']],
    ['expiry', 1 * S, 0, ['expired']],
    ['a jump over several (sleeping laptop)', 2 * M + 30 * S, 10 * S, ['left-2m', 'left-1m', 'left-30s']],
    ['a jump over all', 3 * M, 0, ['left-2m', 'left-1m', 'left-30s', 'expired']],
    ['after expiry nothing more', 0, 0, []],
    ['a view mounting mid-window passes the same reading twice', 45 * S, 45 * S, []],
    ['the clock went back', 20 * S, 3 * M, []],
  ] as const)('%s', (_name, prev, next, expected) => {
    expect(crossedThresholds(prev, next)).toEqual(expected);
  });

  it('property: over any monotone sequence, start and each threshold come out once, in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 31 * S, max: 30 * M }), fc.array(fc.integer({ min: 0, max: 3 * M }), { maxLength: 40 }), (validity, steps) => {
        const dl = deadlineAt(T0, validity);
        let now = T0;
        let prev: number | null = null;
        const spoken: string[] = [];
        for (const step of [0, ...steps, 99 * M]) {
          now += step;
          const next = remaining(dl, now);
          spoken.push(...crossedThresholds(prev, next));
          prev = next;
        }
        const expected = ['start', ...ANNOUNCEMENTS.filter((id) => id === 'expired' || { 'left-2m': 2 * M, 'left-1m': M, 'left-30s': 30 * S }[id] < validity)];
        expect(spoken).toEqual(expected);
      }),
    );
  });

  it('dueAnnouncements needs no previous reading and skips what was spoken or cannot apply', () => {
    const d = deadlineAt(T0);
    expect(dueAnnouncements(d, T0, [])).toEqual([]);
    expect(dueAnnouncements(d, T0 + 2 * M + 40 * S, [])).toEqual(['left-2m', 'left-1m', 'left-30s']);
    expect(dueAnnouncements(d, T0 + 2 * M + 40 * S, ['left-2m', 'left-1m'])).toEqual(['left-30s']);
    expect(dueAnnouncements(d, T0 + 9 * M, ANNOUNCEMENTS)).toEqual([]);
    const short = deadlineAt(T0, M);
    expect(dueAnnouncements(short, T0 + 50 * S, [])).toEqual(['left-30s']);
    expect(dueAnnouncements(short, T0 + 2 * M, [])).toEqual(['left-30s', 'expired']);
  });

  it('start says the window in whole minutes', () => {
    expect(startAnnouncementMinutes(3 * M)).toBe('3');
    expect(startAnnouncementMinutes(2 * M + 30 * S)).toBe('3');
    expect(startAnnouncementMinutes(0)).toBe('1');
  });

  it('every announcement and phase has words in both locales', () => {
    const keys = [...Object.values(ANNOUNCEMENT_MESSAGES), ...Object.values(PHASE_MESSAGES), 'countdownBadgeRunning', 'countdownBadgeExpired'];
    expect(missingKeys(keys)).toEqual([]);
    expect(catalogues.es.countdownAnnounceStart!.message).toContain('$MINUTES$');
    expect(catalogues.es.countdownPhasePlenty!.message).toContain('aprox.');
  });
});

describe('nextAlarmTimes', () => {
  const d = deadlineAt(T0);
  const end = T0 + 3 * M;

  it.each([
    ['at the start: every threshold and expiry', T0, [[end - 2 * M, 'left-2m'], [end - M, 'left-1m'], [end - 30 * S, 'left-30s'], [end, 'expired']]],
    ['after 2:00 passed', T0 + 65 * S, [[end - M, 'left-1m'], [end - 30 * S, 'left-30s'], [end, 'expired']]],
    // 0:30 is 20 s away: Chrome moves it to now + 30 s, where it merges with nothing; expiry stays.
    ['0:50 left: the 0:30 alarm is clamped to 30 s ahead', end - 50 * S, [[end - 20 * S, 'left-30s'], [end, 'expired']]],
    // 0:30 (passed) is skipped; expiry 20 s away moves to 30 s ahead.
    ['0:20 left: expiry fires 10 s late in a packed build', end - 20 * S, [[end + 10 * S, 'expired']]],
    ['expired: nothing', end, []],
    ['long after: nothing', end + 60 * M, []],
  ] as const)('%s', (_name, now, expected) => {
    expect(nextAlarmTimes(d, now).map((a) => [a.when, a.announce])).toEqual(expected);
  });

  it('merges alarms the clamp moves onto the same time into the most urgent', () => {
    // 0:40 left: 0:30 is 10 s away and expiry 40 s away; with a 45 s floor both land at now + 45 s.
    const now = end - 40 * S;
    expect(nextAlarmTimes(d, now, 45 * S)).toEqual([{ when: now + 45 * S, announce: 'expired' }]);
  });

  it('an unpacked build keeps exact times', () => {
    expect(nextAlarmTimes(d, end - 20 * S, UNPACKED_ALARM_MIN_DELAY_MS)).toEqual([{ when: end, announce: 'expired' }]);
  });

  it('a clock moved back never schedules beyond the validity', () => {
    const now = T0 - 60 * M;
    const alarms = nextAlarmTimes(d, now);
    expect(alarms.at(-1)).toEqual({ when: now + 3 * M, announce: 'expired' });
  });

  it('skips thresholds at or above the validity', () => {
    expect(nextAlarmTimes(deadlineAt(T0, 2 * M), T0).map((a) => a.announce)).toEqual(['left-1m', 'left-30s', 'expired']);
  });

  it('property: ascending, at least the floor ahead, never after the clamped end', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 * M }), fc.integer({ min: -60 * M, max: 60 * M }), fc.integer({ min: 0, max: 60 * S }), (validity, offset, floor) => {
        const dl = deadlineAt(T0, validity);
        const now = T0 + offset;
        const alarms = nextAlarmTimes(dl, now, floor);
        const end = now + remaining(dl, now);
        alarms.forEach((a, i) => {
          expect(a.when).toBeGreaterThanOrEqual(now + floor);
          expect(a.when).toBeLessThanOrEqual(Math.max(end, now + floor));
          if (i > 0) expect(a.when).toBeGreaterThan(alarms[i - 1]!.when);
        });
        if (remaining(dl, now) > 0) expect(alarms.at(-1)?.announce).toBe('expired');
      }),
    );
  });
});

describe('badgeFor', () => {
  const d = deadlineAt(T0);
  it.each([
    ['no deadline', null, T0, '', 'none'],
    ['start', d, T0, '3:00', 'plenty'],
    ['1:00 left', d, T0 + 2 * M, '1:00', 'warning'],
    ['0:30 left', d, T0 + 2 * M + 30 * S, '0:30', 'urgent'],
    ['expired', d, T0 + 3 * M, '!', 'expired'],
    ['expired a while ago', d, T0 + 3 * M + BADGE_EXPIRED_HOLD_MS, '!', 'expired'],
    ['cleared after the hold', d, T0 + 3 * M + BADGE_EXPIRED_HOLD_MS + 1, '', 'none'],
    ['a long window shows minutes', deadlineAt(T0, 15 * M), T0, '15m', 'plenty'],
    ['just under ten minutes still fits', deadlineAt(T0, 15 * M), T0 + 5 * M + 1, '10m', 'plenty'],
    ['9:59', deadlineAt(T0, 15 * M), T0 + 5 * M + S, '9:59', 'plenty'],
    ['the clock went back', d, T0 - 60 * M, '3:00', 'plenty'],
  ] as const)('%s', (_name, deadline, now, text, tone) => {
    const badge = badgeFor(deadline, now);
    expect(badge.text).toBe(text);
    expect(badge.tone).toBe(tone);
  });

  it('never relies on colour alone and fits a badge', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 * M }), fc.integer({ min: -60 * M, max: 60 * M }), (validity, offset) => {
        const badge = badgeFor(deadlineAt(T0, validity), T0 + offset);
        expect(badge.text.length).toBeLessThanOrEqual(4);
        if (badge.tone !== 'none') {
          expect(badge.text).not.toBe('');
          expect(badge.title).not.toBeNull();
          expect(badge.background).toMatch(/^#[0-9A-F]{6}$/);
        }
      }),
    );
  });

  it('uses dark text on the light fills', () => {
    expect(badgeFor(d, T0 + 2 * M + 40 * S)).toMatchObject({ background: '#E69F00', color: '#000000' });
    expect(badgeFor(d, T0 + 3 * M)).toMatchObject({ background: '#D55E00', color: '#000000', title: 'countdownBadgeExpired' });
    expect(badgeFor(d, T0)).toMatchObject({ background: '#0072B2', color: '#FFFFFF', title: 'countdownBadgeRunning' });
  });
});
