/**
 * The progress strip: which stages a flow has and where each step sits. Pure data plus one lookup, so the
 * overlay never decides with ifs which stage is current.
 */
import type { FlowId, StepId } from '../detect/vocabulary';
import type { MessageKey } from '../i18n/t';

export const STAGE_IDS = ['identify', 'validate', 'email', 'new-key', 'done'] as const;
export type StageId = (typeof STAGE_IDS)[number];

export const STAGE_LABELS: Record<StageId, MessageKey> = {
  identify: 'stageIdentify',
  validate: 'stageValidate',
  email: 'stageEmail',
  'new-key': 'stageNewKey',
  done: 'stageDone',
};

interface FlowStages {
  stages: StageId[];
  /** Steps missing here (none, change-key, error) belong to no stage: the strip shows no current stage. */
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

/** The stage a step belongs to in a flow, or null when it is outside the strip. */
export function stageOf(step: StepId, flow: FlowId): StageId | null {
  return FLOWS[flow].steps[step] ?? null;
}

/** The strip for a step: stages before the current one are done, later ones upcoming. */
export function progressFor(step: StepId, flow: FlowId): StageView[] {
  const { stages } = FLOWS[flow];
  const current = stageOf(step, flow);
  const index = current ? stages.indexOf(current) : -1;
  return stages.map((id, i) => ({
    id,
    label: STAGE_LABELS[id],
    state: index < 0 ? 'upcoming' : i < index ? 'done' : i === index ? 'current' : 'upcoming',
  }));
}
