/** The toolbar badge of the link countdown: its text, tone, colours and title for a deadline at a moment. */
import type { MessageKey } from '../../i18n/t';
import { BADGE_EXPIRED_HOLD_MS, SECOND_MS } from '../durations';
import { formatClock, phase, remaining, type Deadline, type Phase } from './clock';

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
