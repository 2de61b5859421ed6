/**
 * Turns a detection (plus the person's own answer to "¿En qué paso está?") into what the overlay shows.
 * Pure: no DOM, no extension API, so the rules are unit-tested on their own.
 */
import { isStepId, type Detection, type FlowId, type StepId } from '../detect/vocabulary';
import { alertGuides, type AlertGuide } from '../flow/alerts';
import { guideFor, type GuidedStep, type StepGuide } from '../flow/guidance';
import { progressFor, type StageView } from '../flow/progress';

/** The step the person picked, valid only on the page (URL) where they picked it. */
export interface Choice {
  step: GuidedStep;
  url: string;
}

export type ViewMode = 'hidden' | 'picker' | 'guide';

export interface ViewModel {
  mode: ViewMode;
  /** The step in use: detected, or chosen by the person. `none` while hidden or asking. */
  step: StepId;
  flow: FlowId;
  /** True when the step comes from the person's choice rather than the detector. */
  chosen: boolean;
  /** Steps the detector hesitated between, best first (for the picker and "Elegir otro paso"). */
  candidates: GuidedStep[];
  guide: StepGuide | null;
  progress: StageView[];
  alerts: AlertGuide[];
}

const EMPTY: ViewModel = {
  mode: 'hidden',
  step: 'none',
  flow: 'unknown',
  chosen: false,
  candidates: [],
  guide: null,
  progress: [],
  alerts: [],
};

/**
 * Keeps a choice while the detector stays unsure (or agrees) on the same page; drops it once the detector is
 * confident of another step or the URL changes.
 */
export function keepChoice(choice: Choice | null, detection: Detection, url: string): Choice | null {
  if (!choice || choice.url !== url) return null;
  if (detection.step !== 'none' && detection.step !== choice.step) return null;
  return choice;
}

export function buildView(detection: Detection | null, choice: Choice | null, picking: boolean): ViewModel {
  if (!detection) return EMPTY;
  // Checked at run time too: a detection crosses module boundaries and a bad id must not break the panel.
  const candidates = [...new Set((detection.candidates ?? []).map((c) => c.step as StepId))].filter(
    (s): s is GuidedStep => isStepId(s) && s !== 'none',
  );
  const flow = detection.flow;

  let step: StepId = detection.step;
  let chosen = false;
  if (step === 'none' && choice) {
    step = choice.step;
    chosen = true;
  }
  const alerts = alertGuides(detection.alerts, flow, step);

  if (step === 'none' || (picking && candidates.length > 0 && detection.step === 'none')) {
    if (candidates.length === 0) return { ...EMPTY, flow };
    return { ...EMPTY, mode: 'picker', flow, candidates, alerts };
  }

  return {
    mode: 'guide',
    step,
    flow,
    chosen,
    candidates,
    guide: guideFor(step, flow, detection.alerts),
    progress: progressFor(step, flow, detection.alerts),
    alerts,
  };
}
