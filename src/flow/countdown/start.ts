/**
 * The link countdown's start policy: whether a detection (or a manual start) keeps the existing window or starts
 * a new one, and why. Pure, like the clock it builds on.
 */
import type { FlowId, StepId } from '../../detect/vocabulary';
import { BEFORE_REQUEST_STEPS, REQUEST_STEPS } from '../step-sets';
import { remaining, type Deadline, type DeadlineSource } from './clock';

export interface StartInput {
  flow: FlowId;
  personId: string | null;
  now: number;
  validityMs: number;
  source: DeadlineSource;
  /** `validityMs` is the figure the page stated. */
  stated?: boolean;
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
  if (input.stated) deadline.stated = true;
  if (input.requestKey !== undefined) deadline.requestKey = input.requestKey;
  return deadline;
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
