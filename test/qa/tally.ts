/** Scoring of detections against labels, shared by detect:report and the round-3 scorer. */
import type { Detection } from '../../src/detect/vocabulary';
import type { Expected } from './labelled';

export interface Tally {
  pages: number;
  step: number;
  flow: number;
  alerts: number;
  all: number;
  /** Answers given without asking (a step, or a plain "not a recovery page") whose step is wrong. */
  wrongAnswered: number;
  /** Pages where the detector asked "¿En qué paso está?" (step none, with candidates). */
  asked: number;
  /** Asked, and the right step is among the candidates offered. */
  askedRightOffered: number;
}

export const emptyTally = (): Tally => ({ pages: 0, step: 0, flow: 0, alerts: 0, all: 0, wrongAnswered: 0, asked: 0, askedRightOffered: 0 });

export interface Verdict {
  step: boolean;
  flow: boolean;
  alerts: boolean;
  asked: boolean;
}

export function judge(d: Pick<Detection, 'step' | 'flow' | 'alerts' | 'candidates'>, expected: Expected, tally: Tally): Verdict {
  const step = d.step === expected.step;
  const flow = d.flow === expected.flow;
  const alerts = [...d.alerts].sort().join(',') === [...expected.alerts].sort().join(',');
  const asked = d.step === 'none' && (d.candidates?.length ?? 0) > 0;
  tally.pages++;
  tally.step += Number(step);
  tally.flow += Number(flow);
  tally.alerts += Number(alerts);
  tally.all += Number(step && flow && alerts);
  if (asked) {
    tally.asked++;
    if (d.candidates?.some((c) => c.step === expected.step)) tally.askedRightOffered++;
  } else if (!step) tally.wrongAnswered++;
  return { step, flow, alerts, asked };
}

export function tallyLine(t: Tally): string {
  const pct = (k: number): string => `${k}/${t.pages}`;
  return `step ${pct(t.step)}  flow ${pct(t.flow)}  alerts ${pct(t.alerts)}  all three ${pct(t.all)}  wrong above threshold ${t.wrongAnswered}  asked ${t.asked} (right step offered ${t.askedRightOffered})`;
}
