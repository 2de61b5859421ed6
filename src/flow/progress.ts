/**
 * The progress strip: which stages a flow has and where each step sits. Pure data plus one lookup, so the
 * overlay never decides with ifs which stage is current.
 */
import type { FlowId, StepId } from '../detect/vocabulary';
import type { MessageKey } from '../i18n/t';
import { alertMeanings, type AlertMeaning } from './alerts';

export const STAGE_IDS = ['identify', 'validate', 'email', 'new-key', 'done', 'change-key'] as const;
export type StageId = (typeof STAGE_IDS)[number];

export const STAGE_LABELS: Record<StageId, MessageKey> = {
  identify: 'stageIdentify',
  validate: 'stageValidate',
  email: 'stageEmail',
  'new-key': 'stageNewKey',
  done: 'stageDone',
  'change-key': 'stageChangeKey',
};

interface FlowStages {
  stages: StageId[];
  /** Steps missing here (none, error) belong to no stage: the strip shows no current stage. */
  steps: Partial<Record<StepId, StageId>>;
}

const RECOVER: FlowStages = {
  stages: ['identify', 'validate', 'email', 'new-key', 'done'],
  steps: {
    // The login page and the cédula + CAPTCHA page identify the person; the name, birth date and questions validate.
    start: 'identify',
    identity: 'identify',
    verification: 'validate',
    'security-image': 'validate',
    profile: 'validate',
    'email-sent': 'email',
    code: 'email',
    terms: 'new-key',
    'new-key': 'new-key',
    done: 'done',
  },
};

/** «Cambio de clave»: its two screens (current key, then new key) and the confirmation; nothing else happened. */
const CHANGE_KEY: FlowStages = {
  stages: ['change-key', 'done'],
  steps: { 'change-key': 'change-key', done: 'done' },
};

/** The end of a flow the detector could not name: which stages came before is not known, so none is claimed. */
const DONE_ONLY: FlowStages = { stages: ['done'], steps: { done: 'done' } };

/**
 * Steps that say more about the flow than the detector's flow id: «Cambio de clave» is its own flow whatever the
 * flow id, and a `done` page of an unknown flow claims no earlier stage. Keyed by string so that a `change-key`
 * flow id, once the detector reports one, gets the same strip.
 */
const BY_STEP: Partial<Record<StepId, FlowStages>> = { 'change-key': CHANGE_KEY };
const BY_UNKNOWN_FLOW_STEP: Partial<Record<StepId, FlowStages>> = { done: DONE_ONLY };
const EXTRA_FLOWS: Record<string, FlowStages> = { 'change-key': CHANGE_KEY };

/**
 * Pages outside every step's stage that still sit at a known point: an expired or used link is the mail stage
 * (a new one is asked for there), an expired session starts over at Identificación, "no registered email" stops
 * at the mail stage, "cédula not registered" at Identificación.
 */
const ALERT_STAGES: Array<{ step: StepId; alert: AlertMeaning; stage: StageId }> = [
  { step: 'error', alert: 'link-expired', stage: 'email' },
  { step: 'error', alert: 'no-email', stage: 'email' },
  { step: 'error', alert: 'not-registered', stage: 'identify' },
  { step: 'error', alert: 'session-expired', stage: 'identify' },
];

const FLOWS: Record<FlowId, FlowStages> = {
  recover: RECOVER,
  unknown: RECOVER,
  // Desbloqueo: cédula (and, in newer versions, questions), then the mail, then unlocked.
  unlock: {
    stages: ['identify', 'email', 'done'],
    steps: {
      start: 'identify',
      identity: 'identify',
      verification: 'identify',
      'security-image': 'identify',
      profile: 'identify',
      'email-sent': 'email',
      code: 'email',
      terms: 'email',
      'new-key': 'email',
      done: 'done',
    },
  },
  // Employer: RUC + representative, a code or link by mail, then the new key.
  employer: {
    stages: ['identify', 'email', 'new-key', 'done'],
    steps: {
      start: 'identify',
      identity: 'identify',
      verification: 'identify',
      'security-image': 'identify',
      profile: 'identify',
      'email-sent': 'email',
      code: 'email',
      terms: 'new-key',
      'new-key': 'new-key',
      done: 'done',
    },
  },
};

export type StageState = 'done' | 'current' | 'upcoming';

export interface StageView {
  id: StageId;
  label: MessageKey;
  state: StageState;
}

/** The stages of the flow a step is in. */
function flowStages(step: StepId, flow: FlowId): FlowStages {
  return (
    BY_STEP[step] ??
    (flow === 'unknown' ? BY_UNKNOWN_FLOW_STEP[step] : undefined) ??
    (FLOWS as Record<string, FlowStages | undefined>)[flow] ??
    EXTRA_FLOWS[flow] ??
    RECOVER
  );
}

/**
 * The stage a step belongs to in a flow, or null when it is outside the strip. `alerts` (the detector's ids) place
 * pages that belong to no step, such as an expired link.
 */
export function stageOf(step: StepId, flow: FlowId, alerts: readonly string[] = []): StageId | null {
  const { stages, steps } = flowStages(step, flow);
  const meanings = alerts.length > 0 ? alertMeanings(alerts, flow, step) : [];
  const byAlert = ALERT_STAGES.find((a) => a.step === step && meanings.includes(a.alert) && stages.includes(a.stage));
  return byAlert?.stage ?? steps[step] ?? null;
}

/** The strip for a step: stages before the current one are done, later ones upcoming. */
export function progressFor(step: StepId, flow: FlowId, alerts: readonly string[] = []): StageView[] {
  const { stages } = flowStages(step, flow);
  const current = stageOf(step, flow, alerts);
  const index = current ? stages.indexOf(current) : -1;
  return stages.map((id, i) => ({
    id,
    label: STAGE_LABELS[id],
    state: index < 0 ? 'upcoming' : i < index ? 'done' : i === index ? 'current' : 'upcoming',
  }));
}
