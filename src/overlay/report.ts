/**
 * The QA report: what the detector saw, as structure only. It never contains a value typed into the page or
 * any profile data; signals are page wording, and even they are scrubbed of anything that looks like a
 * number or an email address before they are shown or copied.
 */
import type { AlertId, Detection, FlowId, StepId } from '../detect/vocabulary';
import type { ViewModel } from './view';

export interface QaReport {
  tool: 'ClaveGuía';
  version: string;
  language: string;
  detected: { step: StepId; flow: FlowId; alerts: AlertId[]; confidence: number; candidates: string[] };
  shown: { step: StepId; flow: FlowId; chosenByPerson: boolean; mode: ViewModel['mode'] };
  signals: string[];
}

const MAX_SIGNALS = 40;
const MAX_SIGNAL_LENGTH = 120;

/** Masks digit runs (cédulas, RUCs, phones, codes) and email addresses, and caps the length. */
export function scrubSignal(signal: string): string {
  return signal
    .slice(0, MAX_SIGNAL_LENGTH)
    .replace(/[^\s"'<>]+@[^\s"'<>]+/g, '[@]')
    .replace(/\d{3,}/g, (digits) => '#'.repeat(Math.min(digits.length, 13)));
}

export function buildReport(detection: Detection | null, view: ViewModel, version: string, language: string): QaReport {
  return {
    tool: 'ClaveGuía',
    version,
    language,
    detected: {
      step: detection?.step ?? 'none',
      flow: detection?.flow ?? 'unknown',
      alerts: [...(detection?.alerts ?? [])],
      confidence: Math.round((detection?.confidence ?? 0) * 100) / 100,
      candidates: (detection?.candidates ?? []).map((c) => `${c.step}:${Math.round(c.score * 100) / 100}`),
    },
    shown: { step: view.step, flow: view.flow, chosenByPerson: view.chosen, mode: view.mode },
    signals: (detection?.signals ?? [])
      .filter((s): s is string => typeof s === 'string')
      .slice(0, MAX_SIGNALS)
      .map(scrubSignal),
  };
}
