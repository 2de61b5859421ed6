/**
 * What the link countdown says and when: the announcements of the polite status region (each once per window),
 * the background's alarm times for them, and the message keys of the announcements and of the visible phases.
 */
import type { MessageKey } from '../../i18n/t';
import { ANNOUNCE_AT_MS, MINUTE_MS, PACKED_ALARM_MIN_DELAY_MS } from '../durations';
import { remaining, type Deadline, type Phase } from './clock';

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
