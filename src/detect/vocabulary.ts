/**
 * The detector's vocabulary: the one place where step, flow and alert ids are defined.
 * Everything else (overlay content, locales, tests, the QA CLI) refers to these ids.
 */

export const STEP_IDS = [
  'none',
  'start',
  'identity',
  'verification',
  'security-image',
  'profile',
  'email-sent',
  'code',
  'terms',
  'new-key',
  'done',
  'change-key',
  'error',
] as const;
export type StepId = (typeof STEP_IDS)[number];

export const FLOW_IDS = ['recover', 'unlock', 'employer', 'unknown'] as const;
export type FlowId = (typeof FLOW_IDS)[number];

export const ALERT_IDS = [
  'captcha-error',
  'data-mismatch',
  'not-registered',
  'account-blocked',
  'link-expired',
  'session-expired',
  'service-unavailable',
  // Finer readings, only when the message's own words carry them (issue 18); each replaces its coarser id.
  'no-email',
  'no-fingerprint',
  'code-paused',
] as const;
export type AlertId = (typeof ALERT_IDS)[number];

/** A step the detector considered, with its normalised score (0 to 1). */
export interface StepCandidate {
  step: Exclude<StepId, 'none'>;
  score: number;
}

/** What the detector makes of a page. `signals` describe structure only, never a field's value. */
export interface Detection {
  step: StepId;
  flow: FlowId;
  alerts: AlertId[];
  confidence: number;
  signals: string[];
  /** Present when the detector is unsure: the steps it hesitated between, best first. */
  candidates?: StepCandidate[];
  /** How long the page says its mailed link or code lasts, in ms, when it says so (stated-validity.ts). */
  statedValidityMs?: number;
}

export const isStepId = (value: unknown): value is StepId =>
  typeof value === 'string' && (STEP_IDS as readonly string[]).includes(value);
export const isFlowId = (value: unknown): value is FlowId =>
  typeof value === 'string' && (FLOW_IDS as readonly string[]).includes(value);
export const isAlertId = (value: unknown): value is AlertId =>
  typeof value === 'string' && (ALERT_IDS as readonly string[]).includes(value);
