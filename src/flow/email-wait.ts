/**
 * The wait for the IESS email: what to advise as the minutes pass without the link being used, and what to say
 * when the person finally reaches the page behind the link. Pure: the caller passes the times (epoch ms).
 *
 * Thresholds (durations.ts): 5 min → look in Spam and Promociones; 15 min → check this is the inbox registered
 * with the IESS; 30 min → the registered email is probably outdated, and how to change it at the IESS.
 */
import type { FlowId, StepId } from '../detect/vocabulary';
import type { MessageKey } from '../i18n/t';
import { remaining, type Deadline } from './countdown';
import { EMAIL_WAIT_MS } from './durations';
import { AFTER_LINK_STEPS } from './step-sets';

export type EmailWaitLevel =
  | 'none'
  | 'check-spam'
  | 'check-inbox-is-registered'
  | 'email-outdated'
  /** The page behind the link was reached after the deadline: the link has probably expired. */
  | 'probably-expired';

export interface EmailWaitInput {
  /** When the "email sent" (or code) page was first detected. */
  sentAt: number;
  now: number;
  /** The latest step the detector reported for this flow and person. */
  step: StepId;
  /** When `step` was first detected; defaults to now. Decides "in time" versus "after the deadline". */
  stepSeenAt?: number;
  /** The countdown for this request, if any. */
  deadline?: Deadline | null;
  /** The page that started the wait; on a `code` page, the code page itself does not end the wait. */
  startedOn?: 'email-sent' | 'code';
  /** Picks the employer's wording for the outdated-email advice. */
  flow?: FlowId;
}

export interface EmailWait {
  /** False once the person reached the page behind the link (or finished). */
  waiting: boolean;
  level: EmailWaitLevel;
  /** Time waited so far, never negative (a clock moved back reads as 0). */
  waitedMs: number;
  /** What to show, in order: a title and one or two concrete actions. Empty for `none`. */
  messages: MessageKey[];
  /** Epoch ms at which the advice changes next while waiting; null when nothing more will change. */
  nextChangeAt: number | null;
}


const MESSAGES: Record<Exclude<EmailWaitLevel, 'email-outdated'>, MessageKey[]> = {
  none: [],
  'check-spam': ['emailWaitSpamTitle', 'emailWaitSpamAction'],
  'check-inbox-is-registered': ['emailWaitRegisteredTitle', 'emailWaitRegisteredAction'],
  'probably-expired': ['emailWaitExpiredTitle', 'emailWaitExpiredAction'],
};

const OUTDATED: Record<'person' | 'employer', MessageKey[]> = {
  person: ['emailWaitOutdatedTitle', 'emailWaitOutdatedAction', 'emailWaitOutdatedBring'],
  employer: ['emailWaitOutdatedTitle', 'emailWaitOutdatedEmployerAction', 'emailWaitOutdatedEmployerBring'],
};

/** The level for a wait of a given length, with no link used yet. */
export function waitLevel(waitedMs: number): Exclude<EmailWaitLevel, 'probably-expired'> {
  if (waitedMs >= EMAIL_WAIT_MS.outdated) return 'email-outdated';
  if (waitedMs >= EMAIL_WAIT_MS.checkRegistered) return 'check-inbox-is-registered';
  if (waitedMs >= EMAIL_WAIT_MS.checkSpam) return 'check-spam';
  return 'none';
}

function messagesFor(level: EmailWaitLevel, flow: FlowId | undefined): MessageKey[] {
  if (level === 'email-outdated') return [...OUTDATED[flow === 'employer' ? 'employer' : 'person']];
  return [...MESSAGES[level]];
}

/** The email-wait advice for a moment in time. */
export function emailWait(input: EmailWaitInput): EmailWait {
  const { sentAt, now, step, flow } = input;
  const waitedMs = Math.max(0, now - sentAt) || 0;
  const ended = AFTER_LINK_STEPS.has(step) && !(step === 'code' && input.startedOn === 'code');

  if (ended) {
    const seenAt = input.stepSeenAt ?? now;
    const late = step !== 'done' && input.deadline != null && remaining(input.deadline, seenAt) <= 0;
    const level: EmailWaitLevel = late ? 'probably-expired' : 'none';
    return { waiting: false, level, waitedMs, messages: messagesFor(level, flow), nextChangeAt: null };
  }

  const level = waitLevel(waitedMs);
  const next = [EMAIL_WAIT_MS.checkSpam, EMAIL_WAIT_MS.checkRegistered, EMAIL_WAIT_MS.outdated].find((t) => t > waitedMs);
  // Measured from now, so a clock moved back still gets a time in the future.
  const nextChangeAt = next === undefined ? null : now + (next - waitedMs);
  return { waiting: true, level, waitedMs, messages: messagesFor(level, flow), nextChangeAt };
}

/** Every message key this module can return, for the locale tests. */
export const EMAIL_WAIT_MESSAGE_KEYS: readonly MessageKey[] = [
  ...Object.values(MESSAGES).flat(),
  ...Object.values(OUTDATED).flat(),
];
