/**
 * The arithmetic of the link countdown: one absolute deadline per flow and person, and everything the views,
 * the badge and the background's alarms derive from it. Pure: the caller passes `now` (epoch ms) every time,
 * so a fake clock tests it and a clock change can never make the time left negative or longer than its validity.
 */
import { type FlowId, isFlowId, type StepId } from '../detect/vocabulary';
import type { MessageKey } from '../i18n/t';
import {
  ANNOUNCE_AT_MS,
  BADGE_EXPIRED_HOLD_MS,
  MINUTE_MS,
  PACKED_ALARM_MIN_DELAY_MS,
  PHASE_AT_MS,
  SECOND_MS,
} from './durations';
import { BEFORE_REQUEST_STEPS, REQUEST_STEPS } from './step-sets';

export type DeadlineSource = 'detected' | 'manual';

/** One request's window, as stored by the background (`storage.local`). Times are epoch ms. */
export interface Deadline {
  flow: FlowId;
  /** The person the request was made for; null when no person is active. */
  personId: string | null;
  /** When the "email sent" (or code) page was first detected, or the person started the clock by hand. */
  requestedAt: number;
  /** requestedAt + validityMs. */
  deadline: number;
  validityMs: number;
  source: DeadlineSource;
  /** An id of the request when the page offers one (e.g. a masked address plus time); lets a re-detection match. */
  requestKey?: string;
}

export interface StartInput {
  flow: FlowId;
  personId: string | null;
  now: number;
  validityMs: number;
  source: DeadlineSource;
  requestKey?: string;
  /**
   * The step the same tab showed just before this detection, or null for a fresh tab (a second tab, a restored
   * tab) or when unknown. A step before the request (start, identity, verification, security-image, profile)
   * means the form was submitted again: a new request.
   */
  previousStep?: StepId | null;
  /**
   * The page being detected. A `code` page is where a mailed link or code is used: unless the tab came from a
   * step before the request, it belongs to the existing request, even after its window (it then reads as expired).
   */
  step?: StepId;
}

/**
 * Why startDeadline kept or replaced the existing deadline:
 * - `first`: there was none;
 * - `manual`: the person started or restarted it by hand, which always replaces;
 * - `other-owner`: the existing one belongs to another flow or person;
 * - `other-request`: both carry a request key and the keys differ;
 * - `resubmitted`: the tab came from a step before the request, so the form was sent again;
 * - `expired`: the old window is over and nothing shows this is the same request;
 * - `same-request`: the request key matches (kept even after expiry: an old link never gets a fresh clock);
 * - `re-detected`: a reload, an AJAX re-render or a second tab of the same page within the window;
 * - `link-followed`: a `code` page for the same owner, i.e. the mailed link or code being used.
 */
export type StartReason =
  | 'first'
  | 'manual'
  | 'other-owner'
  | 'other-request'
  | 'resubmitted'
  | 'expired'
  | 'same-request'
  | 're-detected'
  | 'link-followed';

export interface StartResult {
  deadline: Deadline;
  /** True when a new window starts (announce "start"); false when the existing one is kept as it is. */
  started: boolean;
  reason: StartReason;
}


function fresh(input: StartInput): Deadline {
  const validityMs = Math.max(0, Number.isFinite(input.validityMs) ? input.validityMs : 0);
  const deadline: Deadline = {
    flow: input.flow,
    personId: input.personId,
    requestedAt: input.now,
    deadline: input.now + validityMs,
    validityMs,
    source: input.source,
  };
  if (input.requestKey !== undefined) deadline.requestKey = input.requestKey;
  return deadline;
}

/** The storage key of a deadline: one per flow and person, never per tab (the link opens in another tab). */
export function deadlineKey(flow: FlowId, personId: string | null): string {
  return `${flow}:${personId ?? '-'}`;
}

/** Whether stored data is a usable Deadline; anything else is dropped rather than breaking a view. */
export function isDeadline(value: unknown): value is Deadline {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const finite = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
  return (
    isFlowId(v.flow) &&
    (v.personId === null || typeof v.personId === 'string') &&
    finite(v.requestedAt) &&
    finite(v.deadline) &&
    finite(v.validityMs) &&
    (v.validityMs as number) >= 0 &&
    (v.source === 'detected' || v.source === 'manual') &&
    (v.requestKey === undefined || typeof v.requestKey === 'string')
  );
}

/** Decides whether a detection (or a manual start) keeps the existing deadline or starts a new one. */
export function startDeadline(existing: Deadline | null, input: StartInput): StartResult {
  const start = (reason: StartReason): StartResult => ({ deadline: fresh(input), started: true, reason });
  const keep = (reason: StartReason): StartResult => ({ deadline: existing!, started: false, reason });

  if (!existing) return start('first');
  if (input.source === 'manual') return start('manual');
  if (existing.flow !== input.flow || existing.personId !== input.personId) return start('other-owner');
  if (input.requestKey !== undefined && existing.requestKey !== undefined) {
    return input.requestKey === existing.requestKey ? keep('same-request') : start('other-request');
  }
  if (input.previousStep && BEFORE_REQUEST_STEPS.has(input.previousStep)) return start('resubmitted');
  if (input.step === 'code' && remaining(existing, input.now) <= 0) return keep('link-followed');
  if (remaining(existing, input.now) > 0) return keep('re-detected');
  // Over: only the same page re-rendered in the same tab is proof enough that this is the old request.
  // A tab coming from a request page is showing the same request again.
  if (input.previousStep && REQUEST_STEPS.has(input.previousStep)) return keep('re-detected');
  return start('expired');
}

/**
 * Time left, clamped to [0, validityMs]: a clock moved forward reads as expired, a clock moved back (now before
 * requestedAt) reads as the full validity at most. Bad stored numbers read as 0.
 */
export function remaining(deadline: Deadline, now: number): number {
  const validity = Number.isFinite(deadline.validityMs) ? Math.max(0, deadline.validityMs) : 0;
  const left = deadline.deadline - now;
  if (Number.isNaN(left)) return 0;
  return Math.min(validity, Math.max(0, left));
}

/**
 * After the clock went back (now before requestedAt), remaining() holds the full validity until the clock catches
 * up, so the display would freeze. The background can call this when it notices: the window restarts from now
 * with its full validity (the best estimate when the true elapsed time is unknown), and counts down again.
 * Returns the same object when the clock did not go back.
 */
export function rebase(deadline: Deadline, now: number): Deadline {
  if (!(now < deadline.requestedAt)) return deadline;
  const validity = remaining(deadline, now);
  return { ...deadline, requestedAt: now, deadline: now + validity };
}

export type Phase = 'plenty' | 'warning' | 'urgent' | 'expired';

/** The phase for a time left: warning at 1:00 or less, urgent at 0:30 or less, expired at 0. */
export function phase(remainingMs: number): Phase {
  if (!(remainingMs > 0)) return 'expired';
  if (remainingMs <= PHASE_AT_MS.urgent) return 'urgent';
  if (remainingMs <= PHASE_AT_MS.warning) return 'warning';
  return 'plenty';
}

/** "m:ss", rounding up to whole seconds (so 0:00 shows only at expiry); minutes are not capped ("15:00"). */
export function formatClock(ms: number): string {
  const seconds = ms > 0 && Number.isFinite(ms) ? Math.ceil(ms / SECOND_MS) : 0;
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** What the polite status region says, each once per window: at the start, at 2:00, 1:00, 0:30 and at expiry. */
export type Announcement = 'start' | keyof typeof ANNOUNCE_AT_MS;

/** The thresholds, highest first (the order they are crossed in). */
export const ANNOUNCEMENTS: readonly Exclude<Announcement, 'start'>[] = (
  Object.keys(ANNOUNCE_AT_MS) as (keyof typeof ANNOUNCE_AT_MS)[]
).sort((a, b) => ANNOUNCE_AT_MS[b] - ANNOUNCE_AT_MS[a]);

/**
 * The announcements crossed between two readings of the time left, in the order they were crossed.
 * A threshold T is crossed when prev > T ≥ next, so a reading that jumps over several returns all of them
 * (the UI may speak only the last). `prev` null means the window has just started (startDeadline said
 * `started`): that gives `start` only. A view that mounts mid-window passes its first reading as both prev
 * and next, which crosses nothing. Over a monotone sequence each announcement comes out at most once; a clock
 * moved back can cross a threshold again, so the background may also keep the ones already spoken
 * (see dueAnnouncements).
 */
export function crossedThresholds(prevRemaining: number | null, nextRemaining: number): Announcement[] {
  if (prevRemaining === null) return nextRemaining > 0 ? ['start'] : ['start', 'expired'];
  return ANNOUNCEMENTS.filter((id) => prevRemaining > ANNOUNCE_AT_MS[id] && nextRemaining <= ANNOUNCE_AT_MS[id]);
}

/**
 * The threshold announcements that are due at a time left and not yet spoken, highest first. Unlike
 * crossedThresholds this needs no previous reading, so it survives a stopped worker and clock jumps; thresholds
 * at or above the validity are never due (a 1-minute window has no "2:00 left").
 */
export function dueAnnouncements(deadline: Deadline, now: number, spoken: Iterable<Announcement>): Announcement[] {
  const done = new Set(spoken);
  const left = remaining(deadline, now);
  return ANNOUNCEMENTS.filter(
    (id) => !done.has(id) && left <= ANNOUNCE_AT_MS[id] && (ANNOUNCE_AT_MS[id] < deadline.validityMs || id === 'expired'),
  );
}

export interface AlarmTime {
  /** Epoch ms for `alarms.create({ when })`. */
  when: number;
  /** The announcement this alarm stands for (the most urgent one when the clamp merged several). */
  announce: Exclude<Announcement, 'start'>;
}

/**
 * When the background's alarms must fire: at each remaining threshold and at expiry, ascending.
 *
 * Chrome clamps alarms to at least 30 s ahead in packed MV3 builds (PACKED_ALARM_MIN_DELAY_MS); an alarm due
 * sooner is moved to now + minDelayMs, and alarms moved onto the same time merge into the later (more urgent)
 * one. So in a store build an announcement less than 30 s away fires late: the open views, which compute the
 * time themselves every second, are the exact display; alarms only refresh the badge and notifications while no
 * view is open. Times come from the clamped remaining(), so a clock moved back never schedules beyond the
 * validity; call again from each alarm (and when the worker starts) to schedule the rest.
 */
export function nextAlarmTimes(deadline: Deadline, now: number, minDelayMs: number = PACKED_ALARM_MIN_DELAY_MS): AlarmTime[] {
  const left = remaining(deadline, now);
  if (left <= 0) return [];
  const end = now + left;
  const earliest = now + Math.max(0, minDelayMs);
  const alarms: AlarmTime[] = [];
  for (const id of ANNOUNCEMENTS) {
    const at = end - ANNOUNCE_AT_MS[id];
    if (at <= now || (ANNOUNCE_AT_MS[id] >= deadline.validityMs && id !== 'expired')) continue;
    const when = Math.max(at, earliest);
    const last = alarms[alarms.length - 1];
    if (last && last.when === when) last.announce = id;
    else alarms.push({ when, announce: id });
  }
  return alarms;
}

export type BadgeTone = Phase | 'none';

export interface Badge {
  /** "m:ss" while running (under ten minutes), "NNm" from ten minutes, "!" when expired, "" for no badge. */
  text: string;
  tone: BadgeTone;
  /** Background and text colours (Okabe–Ito; each pair ≥ 4.5:1 or black on a light fill). Empty for no badge. */
  background: string;
  color: string;
  /** The toolbar button's title, which screen readers read; `$TIME$` is formatClock of the time left. */
  title: MessageKey | null;
}

/** Badge colours per tone: blue with white text, then orange with black text, then vermillion with black text. */
export const BADGE_COLOURS: Readonly<Record<Exclude<BadgeTone, 'none'>, { background: string; color: string }>> = {
  plenty: { background: '#0072B2', color: '#FFFFFF' },
  warning: { background: '#E69F00', color: '#000000' },
  urgent: { background: '#E69F00', color: '#000000' },
  expired: { background: '#D55E00', color: '#000000' },
};

const NO_BADGE: Badge = { text: '', tone: 'none', background: '', color: '', title: null };

/**
 * The toolbar badge for a deadline. Badges show about four characters, so ten minutes or more shows whole
 * minutes rounded up ("15m"). Expired shows "!" (a shape unlike any digit, never colour alone) for
 * BADGE_EXPIRED_HOLD_MS, then clears. The badge changes only as often as something drives it: every second while
 * a view is open, at the alarms otherwise (see nextAlarmTimes).
 */
export function badgeFor(deadline: Deadline | null, now: number): Badge {
  if (!deadline) return NO_BADGE;
  const left = remaining(deadline, now);
  const tone = phase(left);
  if (tone === 'expired') {
    const sinceExpiry = now - deadline.deadline;
    if (sinceExpiry > BADGE_EXPIRED_HOLD_MS) return NO_BADGE;
    return { text: '!', tone, ...BADGE_COLOURS.expired, title: 'countdownBadgeExpired' };
  }
  const seconds = Math.ceil(left / SECOND_MS);
  const text = seconds >= 600 ? `${Math.ceil(seconds / 60)}m` : formatClock(left);
  return { text, tone, ...BADGE_COLOURS[tone], title: 'countdownBadgeRunning' };
}

/** The `$MINUTES$` of the start announcement: the window in whole minutes, rounded up ("unos 3 min"). */
export function startAnnouncementMinutes(validityMs: number): string {
  return String(Math.max(1, Math.ceil((Number.isFinite(validityMs) ? validityMs : 0) / MINUTE_MS)));
}

/** Message keys for each announcement; `start` takes `$MINUTES$` from startAnnouncementMinutes(validityMs). */
export const ANNOUNCEMENT_MESSAGES: Readonly<Record<Announcement, MessageKey>> = {
  start: 'countdownAnnounceStart',
  'left-2m': 'countdownAnnounce2m',
  'left-1m': 'countdownAnnounce1m',
  'left-30s': 'countdownAnnounce30s',
  expired: 'countdownAnnounceExpired',
};

/** Message keys for the visible phase label next to the clock (text, not colour alone). */
export const PHASE_MESSAGES: Readonly<Record<Phase, MessageKey>> = {
  plenty: 'countdownPhasePlenty',
  warning: 'countdownPhaseWarning',
  urgent: 'countdownPhaseUrgent',
  expired: 'countdownPhaseExpired',
};
