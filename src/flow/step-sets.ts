/**
 * The one table of step sets (issue 24): which steps compare a person's cédula, show a masked e-mail, take a
 * new key, and where the link's window starts, runs and ends. The background, the content script, the side
 * area and the pure modules all import these; no module keeps a set of steps of its own
 * (test/unit/flow/step-sets.test.ts checks that).
 */
import type { StepId } from '../detect/vocabulary';

const steps = (...ids: StepId[]): ReadonlySet<StepId> => new Set(ids);

/** The ID number is typed here and compared with the person's cédula. */
export const ID_NUMBER_STEPS = steps('identity', 'change-key');
/** The new key (and its confirmation) is typed here: the key checks and the strength estimate run. */
export const NEW_KEY_STEPS = steps('new-key', 'change-key');
/** The page shows the masked address the mail went to: compared with the person's e-mail. */
export const MASKED_EMAIL_STEPS = steps('email-sent', 'code');
/** The strength estimator is loaded only where the portal asks for the new key after the mail link (issue 13). */
export const ESTIMATOR_STEPS = steps('new-key');

/** Steps before the request in every flow: seeing one right before "email sent" means a resubmission. */
export const BEFORE_REQUEST_STEPS = steps('start', 'identity', 'verification', 'security-image', 'profile');
/** The request pages: the page says a link or a code was just sent, and the window starts there. */
export type RequestStep = 'email-sent' | 'code';
export const REQUEST_STEPS = steps('email-sent', 'code');
export const isRequestStep = (step: StepId): step is RequestStep => REQUEST_STEPS.has(step);
/**
 * Reached through the mail: the wait for it is over. `code` is one of them when the window started on the
 * "email sent" page; a window that started on `code` itself is still waiting there (flow/email-wait.ts).
 */
export const AFTER_LINK_STEPS = steps('code', 'terms', 'new-key', 'done');
/** Where the link's window runs, so the countdown is shown (the side area; the overlay follows the deadline). */
export const LINK_RUNNING_STEPS = steps('email-sent', 'code', 'terms', 'new-key');
