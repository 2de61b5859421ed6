/**
 * One request's window as the background keeps it (storage/deadlines.ts stores and parses it): the deadline,
 * plus what happened since it started, which the views (deadline-view.ts) and the email wait read.
 */
import type { StepId } from '../../detect/vocabulary';
import type { Announcement } from './announcements';
import type { Deadline } from './clock';

export interface DeadlineEntry extends Deadline {
  /** The page that started the window ('manual' when started by hand); the email wait reads it. */
  startedOn: 'email-sent' | 'code' | 'manual';
  /** The latest step reported for this flow and person since the window started, and when it was first seen. */
  step: StepId | null;
  stepSeenAt: number | null;
  /** Thresholds the background already handled (notifications), so a woken worker never repeats one. */
  notified: Exclude<Announcement, 'start'>[];
}
