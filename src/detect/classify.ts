/**
 * The step detector: a Document and its URL in, a Detection out. Pure: no extension API, no UI, never
 * evaluates or re-renders page content. Work is bounded by the caps in limits.ts.
 */
import { readAlerts } from './alerts';
import { featureSteps, type Features } from './features';
import { cleanPath, iessUrl, isPortalHost, isRecoveryAppPath } from './host';
import { CONTEXT_RULES, FLOW_MIN, FLOW_ORDER, FLOW_RULES, NEEDS_CONTEXT, STEP_RULES, type Count, type ScoredStep } from './rules';
import { countOf, scoreRules } from './score';
import { statedValidityMs } from './stated-validity';
import { drain, type Steps } from './steps';
import { ALERT_IDS, type AlertId, type Detection, type FlowId, type StepCandidate, type StepId } from './vocabulary';

/**
 * The confidence under which the detector does not name a step: the result is `none` with the candidates it
 * hesitated between, and the overlay asks "¿En qué paso está?". Confidence is the evidence strength of the best
 * step scaled by its margin over the runner-up; see test/corpus/README.md for how it was calibrated.
 */
export const ASK_BELOW = 0.5;
/** Minimum recovery-context score for the in-flow steps; without it their score is scaled down. */
const MIN_CONTEXT = 2;
const NO_CONTEXT_FACTOR = 0.3;
/** Confidence factor for an in-flow step on a page without recovery context: only overwhelming evidence names it. */
const OUT_OF_CONTEXT = 0.6;
/** Candidates offered when asking: steps with at least this share of the evidence scale. */
const CANDIDATE_MIN_SCORE = 2;
const MAX_SIGNALS = 12;
/** Alerts after which the flow cannot go on from the page behind: a modal saying so is the page now. */
const FLOW_STOPPING: ReadonlySet<AlertId> = new Set(['session-expired', 'link-expired', 'service-unavailable']);

const STEPS = Object.keys(STEP_RULES) as ScoredStep[];
/** Offered on a recovery app's page that showed nothing the rules know: the step most pages of an app are. */
const APP_ENTRY_CANDIDATES: StepCandidate[] = [{ step: 'identity', score: 0 }];

const notHere = (why: string): Detection => ({ step: 'none', flow: 'unknown', alerts: [], confidence: 1, signals: [why] });

/** `onShadowRoot` is told of each open shadow root the page walk enters (the page watcher observes them too). */
export function classify(doc: Document, url: string | URL, onShadowRoot?: (root: ShadowRoot) => void): Detection {
  return drain(classifySteps(doc, url, onShadowRoot));
}

/** The same detection, pausing every few nodes of the page walk (steps.ts): a big page is read a slice at a time. */
export function* classifySteps(doc: Document, url: string | URL, onShadowRoot?: (root: ShadowRoot) => void): Steps<Detection> {
  // The URL decides first: other sites cost nothing and their DOM is never read.
  const parsed = iessUrl(url);
  if (!parsed) return notHere('host not IESS');
  const path = cleanPath(parsed);
  // Another IESS service (webmail, single sign-on, service desk…) has its own password reset: the host and the
  // app decide before any word on the page does.
  if (!isPortalHost(parsed.hostname) && !isRecoveryAppPath(path)) return notHere('another IESS service');
  try {
    const features = yield* featureSteps(doc, path, onShadowRoot);
    const detection = yield* decideSteps(features);
    const stated = statedValidityMs(features.statements);
    return stated === undefined ? detection : { ...detection, statedValidityMs: stated };
  } catch {
    // Last line of defence against a page built to break us: report nothing rather than throw.
    return { step: 'none', flow: 'unknown', alerts: [], confidence: 0, signals: ['detector error'] };
  }
}

/** Evidence strength in [0, 1): 3 points ≈ 0.43, 4 ≈ 0.58, 6 ≈ 0.76, 10 ≈ 0.92; one point is free (a lone weak hint). */
function strength(score: number): number {
  return 1 - Math.exp(-Math.max(0, score - 1) / 3.5);
}

/**
 * Confidence of naming `top`: its strength, scaled down as the runner-up comes close (ratio² so that a distant
 * second costs little and a close one a lot), and further when the page shows no recovery context at all.
 */
function confidenceOf(topScore: number, secondScore: number, inFlow: boolean, needsContext: boolean): number {
  const ratio = topScore > 0 ? Math.min(1, secondScore / topScore) : 1;
  return strength(topScore) * (1 - ratio * ratio) * (needsContext && !inFlow ? OUT_OF_CONTEXT : 1);
}

const round = (n: number): number => Math.round(n * 100) / 100;

/**
 * How sure "not a recovery page" is: less so as the best step gathers evidence, and never more than even when
 * the page showed nothing to read (no control, no text): an empty view is no evidence of anything.
 */
function noneConfidence(f: Features, topScore: number): number {
  const c = 1 - 0.5 * strength(topScore);
  const showedNothing = f.fields.length === 0 && f.buttons.length === 0 && f.text === '' && f.messages.length === 0;
  return showedNothing ? Math.min(c, ASK_BELOW) : c;
}

/** The page's decision, unless a modal dialog or a growl on top says what the page is now. */
export function decide(f: Features): Detection {
  return drain(decideSteps(f));
}

/** The same, pausing after each step's rules: on a big page scoring is spread over slices too. */
function* decideSteps(f: Features): Steps<Detection> {
  const page = yield* decideLayer(f, null);
  if (!f.top) return page.detection;
  const top = yield* decideLayer(f.top, page.context, f);
  const topWins =
    top.detection.step !== 'none' &&
    // An error notice on top of a form is an alert about that form; only a modal that ends the flow
    // (session over, link expired, service down) replaces the step.
    (top.detection.step !== 'error' || (f.topKind === 'dialog' && top.detection.alerts.some((a) => FLOW_STOPPING.has(a))));
  if (!topWins) return page.detection;
  const alerts = new Set<AlertId>([...top.detection.alerts, ...page.detection.alerts]);
  return {
    ...top.detection,
    alerts: ALERT_IDS.filter((a) => alerts.has(a)),
    signals: [`on top: ${f.topKind ?? 'layer'}`, ...top.detection.signals].slice(0, MAX_SIGNALS),
  };
}

interface LayerResult {
  detection: Detection;
  context: number;
}

/**
 * Scores one layer. `inherited` is the page's recovery context when this layer is a dialog or growl read on
 * its own; `flowFrom` the page whose evidence decides the flow then.
 */
function* decideLayer(f: Features, inherited: number | null, flowFrom: Features = f): Steps<LayerResult> {
  const counts = new Map<Count, number>();
  const ctx = scoreRules(f, CONTEXT_RULES, counts);
  const context = Math.max(ctx.score, inherited ?? -Infinity);
  const inFlow = context >= MIN_CONTEXT;

  const ranked: Array<{ step: ScoredStep; score: number; signals: string[] }> = [];
  for (const step of STEPS) {
    const s = scoreRules(f, STEP_RULES[step], counts);
    const score = NEEDS_CONTEXT.has(step) && !inFlow ? s.score * NO_CONTEXT_FACTOR : s.score;
    ranked.push({ step, score, signals: s.signals });
    yield 0;
  }
  ranked.sort((a, b) => b.score - a.score);

  const top = ranked[0];
  const topScore = top ? Math.max(0, top.score) : 0;
  const secondScore = ranked[1] ? Math.max(0, ranked[1].score) : 0;
  const confidence = top ? confidenceOf(topScore, secondScore, inFlow, NEEDS_CONTEXT.has(top.step)) : 0;
  const sure = top !== undefined && confidence >= ASK_BELOW;
  const step: StepId = sure && top ? top.step : 'none';

  const entries = f.truncated ? 1 : (counts.get('entries') ?? countOf(f, 'entries'));
  // A truncated view may hold a form it did not reach: it is never read as a page without one.
  const formless = f.fields.length === 0 && !f.truncated;
  const onApp = isRecoveryAppPath(f.path);
  // Off a recovery flow, a page's prose and headings are not the portal reporting a state: a news article or an
  // FAQ that tells how to unlock a key ("si no tiene registrada su huella…") raised alerts and called the guide
  // up (corpus round 5). There only its error messages count.
  const proseReports = step !== 'none' || inFlow || onApp;
  const alerts = readAlerts(f, formless && proseReports, step === 'error' || (step === 'none' && entries === 0 && proseReports));

  // Candidates only when the page is part of a recovery flow: elsewhere "not a recovery page" is the answer.
  // On the recovery apps' own paths that answer is never given: unsure, the guide offers the best it has.
  let candidates: StepCandidate[] = ranked
    .filter((r) => inFlow && step === 'none' && r.score >= CANDIDATE_MIN_SCORE)
    .slice(0, 3)
    .map((r) => ({ step: r.step, score: round(strength(r.score)) }));
  if (onApp && step === 'none' && candidates.length === 0) {
    candidates = ranked
      .filter((r) => r.score > 0)
      .slice(0, 3)
      .map((r) => ({ step: r.step, score: round(strength(r.score)) }));
    if (candidates.length === 0) candidates = APP_ENTRY_CANDIDATES;
  }

  let flow: FlowId = 'unknown';
  const flowSignals: string[] = [];
  if (step !== 'none' || candidates.length > 0) {
    const chosen = flowOf(flowFrom, step, flowFrom === f ? counts : new Map());
    if (chosen) {
      flow = chosen.id;
      flowSignals.push(...chosen.signals.map((x) => `flow ${chosen.id}: ${x}`));
    }
  }

  const signals = [
    ...(step !== 'none' && top ? top.signals : []),
    ...(inFlow ? [] : ['no recovery context']),
    ...(onApp && step === 'none' ? ['recovery app path: asks rather than dismiss'] : []),
    ...(f.translated ? ['page translated by the browser'] : []),
    ...flowSignals.slice(0, 3),
    ...alerts.signals,
  ];
  if (f.truncated) signals.push('page truncated at caps');

  const detection: Detection = {
    step,
    flow,
    alerts: alerts.alerts,
    confidence: round(step !== 'none' ? confidence : candidates.length ? confidence : noneConfidence(f, topScore)),
    signals: [...new Set(signals)].slice(0, MAX_SIGNALS),
  };
  if (step === 'none' && candidates.length > 0) detection.candidates = candidates;
  return { detection, context };
}

/** The flow of a page at a given step, or null when the step says nothing about one. */
function flowOf(f: Features, step: StepId, counts: Map<Count, number>): { id: Exclude<FlowId, 'unknown'>; signals: string[] } | null {
  // A login page leads to several flows and an affiliate's "Cambio de clave" is none of them; only the employer
  // system (RUC, its own app) says which flow a login or a key change belongs to.
  const flows = FLOW_ORDER.map((id) => ({ id, ...scoreRules(f, FLOW_RULES[id], counts) }));
  if (step === 'start' || step === 'change-key') return flows.find((x) => x.id === 'employer' && x.score >= FLOW_MIN) ?? null;
  // The first flow in priority order with enough evidence wins; otherwise the best of the weak ones.
  const chosen = flows.find((x) => x.score >= FLOW_MIN) ?? [...flows].sort((a, b) => b.score - a.score)[0];
  return chosen && chosen.score > 0 ? chosen : null;
}
