/**
 * What every view of the countdown (overlay chip, popup, toolbar badge) shows for one stored window at one
 * moment. Pure, so the three agree by construction: each computes from the same absolute deadline and its own
 * `now`, never from a counter of its own.
 */
import { badgeFor, formatClock, phase, remaining, type Badge, type DeadlineEntry, type Phase } from './countdown';
import type { MessageKey } from '../i18n/t';
import { BADGE_EXPIRED_HOLD_MS, validitySource } from './durations';
import { emailWait, type EmailWait } from './email-wait';

export interface DeadlineView {
  remainingMs: number;
  phase: Phase;
  /** "m:ss" (formatClock). */
  clock: string;
  /** The page behind the link (or the code) was reached: the wait is over. */
  linkUsed: boolean;
  /** It was reached after the deadline: "the link has probably expired". */
  late: boolean;
  /** Whether a ticking (or expired) clock is worth showing now. */
  showTimer: boolean;
  badge: Badge;
  wait: EmailWait;
  /** Where the figure comes from ("3 minutos, según el IESS"), or null for a time the person set. */
  source: MessageKey | null;
}

const NO_BADGE = badgeFor(null, 0);

export function viewDeadline(entry: DeadlineEntry, now: number): DeadlineView {
  const startedOn = entry.startedOn === 'code' ? 'code' : 'email-sent';
  const wait = emailWait({
    sentAt: entry.requestedAt,
    now,
    step: entry.step ?? startedOn,
    ...(entry.stepSeenAt !== null ? { stepSeenAt: entry.stepSeenAt } : {}),
    deadline: entry,
    startedOn,
    flow: entry.flow,
  });
  const remainingMs = remaining(entry, now);
  const linkUsed = !wait.waiting;
  const late = wait.level === 'probably-expired';
  const held = remainingMs > 0 || now - entry.deadline <= BADGE_EXPIRED_HOLD_MS;
  const showTimer = held && (!linkUsed || late);
  return {
    remainingMs,
    phase: phase(remainingMs),
    clock: formatClock(remainingMs),
    linkUsed,
    late,
    showTimer,
    badge: showTimer ? badgeFor(entry, now) : NO_BADGE,
    wait,
    source: validitySource(entry.flow, startedOn, entry.validityMs, entry.stated),
  };
}

/** Milliseconds until the "m:ss" display changes next (formatClock rounds up), for timers aligned to it. */
export function msToNextSecond(remainingMs: number): number {
  if (!(remainingMs > 0)) return 1000;
  return ((Math.ceil(remainingMs) - 1) % 1000) + 1;
}
