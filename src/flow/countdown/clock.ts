/**
 * The clock arithmetic of the link countdown: one absolute deadline per flow and person, the time left, its
 * phase and its "m:ss". Pure: the caller passes `now` (epoch ms) every time, so a fake clock tests it and a clock
 * change can never make the time left negative or longer than its validity. The start policy (start.ts), the
 * announcements and alarms (announcements.ts) and the toolbar badge (badge.ts) build on it.
 */
import { type FlowId, isFlowId } from '../../detect/vocabulary';
import { PHASE_AT_MS, SECOND_MS } from '../durations';

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
  /** The validity is the one the page itself stated (detect/stated-validity.ts), not a default or a setting. */
  stated?: true;
  /** An id of the request when the page offers one (e.g. a masked address plus time); lets a re-detection match. */
  requestKey?: string;
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
    (v.stated === undefined || v.stated === true) &&
    (v.requestKey === undefined || typeof v.requestKey === 'string')
  );
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
