/**
 * The step detector: a Document and its URL in, a Detection out. Pure: no extension API, no UI, never
 * evaluates or re-renders page content. Work is bounded by the caps in features.ts.
 */
import { readAlerts } from './alerts';
import { extractFeatures, type Features } from './features';
import { cleanPath, iessUrl } from './host';
import { CONTEXT_RULES, FLOW_MIN, FLOW_ORDER, FLOW_RULES, NEEDS_CONTEXT, STEP_RULES, type Count, type ScoredStep } from './rules';
import { countOf, scoreRules } from './score';
import type { Detection, FlowId, StepCandidate } from './vocabulary';

/** Below this a step is not claimed. */
export const MIN_SCORE = 4;
/** Minimum recovery-context score for the in-flow steps; without it their score is scaled down. */
const MIN_CONTEXT = 2;
const NO_CONTEXT_FACTOR = 0.3;
/** When the runner-up is this close (ratio), the detector asks instead of guessing. */
const CLOSE_RATIO = 0.8;
const MAX_SIGNALS = 12;

const STEPS = Object.keys(STEP_RULES) as ScoredStep[];

const notHere = (): Detection => ({ step: 'none', flow: 'unknown', alerts: [], confidence: 1, signals: ['host not IESS'] });

export function classify(doc: Document, url: string | URL): Detection {
  // The URL decides first: other sites cost nothing and their DOM is never read.
  const parsed = iessUrl(url);
  if (!parsed) return notHere();
  const path = cleanPath(parsed);
  try {
    return decide(extractFeatures(doc, path));
  } catch {
    // Last line of defence against a page built to break us: report nothing rather than throw.
    return { step: 'none', flow: 'unknown', alerts: [], confidence: 0, signals: ['detector error'] };
  }
}

function strength(score: number): number {
  return 1 - Math.exp(-Math.max(0, score) / 5);
}

const round = (n: number): number => Math.round(n * 100) / 100;

export function decide(f: Features): Detection {
  const counts = new Map<Count, number>();
  const context = scoreRules(f, CONTEXT_RULES, counts);
  const inFlow = context.score >= MIN_CONTEXT;

  const ranked = STEPS.map((step) => {
    const s = scoreRules(f, STEP_RULES[step], counts);
    const score = NEEDS_CONTEXT.has(step) && !inFlow ? s.score * NO_CONTEXT_FACTOR : s.score;
    return { step, score, signals: s.signals };
  }).sort((a, b) => b.score - a.score);

  const top = ranked[0];
  const second = ranked[1];
  const topScore = top ? top.score : 0;
  const secondScore = second ? Math.max(0, second.score) : 0;
  const sure = top !== undefined && topScore >= MIN_SCORE && secondScore < topScore * CLOSE_RATIO;

  const entries = counts.get('entries') ?? countOf(f, 'entries');
  const step = sure && top ? top.step : 'none';
  const formless = f.fields.length === 0;
  const alerts = readAlerts(f, formless, step === 'error' || (step === 'none' && entries === 0));

  let flow: FlowId = 'unknown';
  const flowSignals: string[] = [];
  // Candidates only when the page is part of a recovery flow: elsewhere "not a recovery page" is the answer.
  const candidates: StepCandidate[] = ranked
    .filter((r) => inFlow && step === 'none' && r.score >= MIN_SCORE / 2)
    .slice(0, 3)
    .map((r) => ({ step: r.step, score: round(strength(r.score)) }));
  if (step !== 'none' || candidates.length > 0) {
    const flows = FLOW_ORDER.map((id) => ({ id, ...scoreRules(f, FLOW_RULES[id], counts) }));
    // The first flow in priority order with enough evidence wins; otherwise the best of the weak ones.
    const chosen = flows.find((x) => x.score >= FLOW_MIN) ?? [...flows].sort((a, b) => b.score - a.score)[0];
    // A login page leads to several flows and "Cambio de clave" is none of them; only an employer login
    // (RUC, employer system) says which flow it starts.
    const only = step === 'start' ? flows.filter((x) => x.id === 'employer' && x.score >= FLOW_MIN)[0] : undefined;
    if (step === 'change-key' || (step === 'start' && !only)) {
      // flow stays unknown
    } else if (only) {
      flow = only.id;
      flowSignals.push(...only.signals.map((x) => `flow ${only.id}: ${x}`));
    } else if (chosen && chosen.score > 0) {
      flow = chosen.id;
      flowSignals.push(...chosen.signals.map((x) => `flow ${chosen.id}: ${x}`));
    }
  }

  const signals = [
    ...(step !== 'none' && top ? top.signals : []),
    ...(inFlow ? [] : ['no recovery context']),
    ...flowSignals.slice(0, 3),
    ...alerts.signals,
  ];
  if (f.truncated) signals.push('page truncated at caps');

  const margin = topScore > 0 ? (topScore - secondScore) / topScore : 0;
  const detection: Detection = {
    step,
    flow,
    alerts: alerts.alerts,
    confidence: round(step === 'none' ? (candidates.length ? 1 - strength(topScore) : 1 - 0.5 * strength(topScore)) : strength(topScore) * (0.5 + 0.5 * margin)),
    signals: [...new Set(signals)].slice(0, MAX_SIGNALS),
  };
  if (step === 'none' && candidates.length > 0) detection.candidates = candidates;
  return detection;
}
