/**
 * Runs a walk (./walks.ts) on one page: performs each stop's action, waits for the page to settle (new
 * document or AJAX-replaced step region) and then polls ClaveGuía's overlay until it shows the stop's step,
 * flow and alerts, or a timeout says it does not. Shared by the E2E spec and `npm start`.
 */
import type { Expectation, Stop, Walk, WalkContext } from './walks';

export interface Observed {
  /** Whether the overlay host exists on the page. */
  overlay: boolean;
  step: string | null;
  flow: string | null;
  alerts: string[];
}

export interface StopResult {
  walk: Walk;
  stop: Stop;
  /** 0-based position in the walk. */
  index: number;
  observed: Observed;
  url: string;
  previousUrl: string;
  /** Empty when the stop showed what was expected. */
  problems: string[];
  ms: number;
}

export interface RunOptions {
  /** How long the overlay may take to show the expected state after the page settled. */
  overlayTimeoutMs?: number;
  /** How long an action may take to change the page. */
  settleTimeoutMs?: number;
  /** Called after each stop (e.g. for a screenshot or a progress line). */
  onStop?: (result: StopResult) => Promise<void> | void;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Polls `read` until `done` accepts its value; returns the last value read either way. */
async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<{ value: T | undefined; ok: boolean }> {
  const deadline = Date.now() + timeoutMs;
  let value: T | undefined;
  for (;;) {
    try {
      value = await read();
      if (done(value)) return { value, ok: true };
    } catch {
      // The page is between documents (navigation): read again.
    }
    if (Date.now() > deadline) return { value, ok: false };
    await sleep(50);
  }
}

type Marked = Window & { __walkMark?: boolean; __walkHadRegion?: boolean };
type MarkedElement = Element & { __walkOld?: boolean };

/**
 * Marks the current document and step region with main-world expandos (invisible to the DOM, so the
 * extension's detector never sees them). The page has settled once the document is new, or once the
 * region it had was replaced by an AJAX update.
 */
async function markPage(ctx: WalkContext): Promise<void> {
  await ctx.driver
    .evaluate(() => {
      const region = document.querySelector('[data-paso]') as MarkedElement | null;
      if (region) region.__walkOld = true;
      (window as Marked).__walkMark = true;
      (window as Marked).__walkHadRegion = region !== null;
    }, null)
    .catch(() => undefined);
}

function pageSettled(ctx: WalkContext): Promise<boolean> {
  return ctx.driver.evaluate(() => {
    const w = window as Marked;
    if (document.readyState !== 'complete') return false;
    if (!w.__walkMark) return true;
    const region = document.querySelector('[data-paso]') as MarkedElement | null;
    return w.__walkHadRegion === true && !region?.__walkOld;
  }, null);
}

async function observe(ctx: WalkContext, withAlerts: boolean): Promise<Observed> {
  const { step, flow } = await ctx.driver.overlayState();
  const overlay = await ctx.driver.exists('[data-claveguia-host]');
  return { overlay, step, flow, alerts: withAlerts && overlay ? (await ctx.driver.overlayAlerts()).sort() : [] };
}

const sameAlerts = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

function matches(expect: Expectation, seen: Observed): boolean {
  if (expect.offSite) return !seen.overlay;
  return seen.step === expect.step && seen.flow === expect.flow && (!expect.alerts || sameAlerts(expect.alerts, seen.alerts));
}

function describeProblems(stop: Stop, seen: Observed | undefined, previousUrl: string, url: string): string[] {
  const problems: string[] = [];
  const e = stop.expect;
  if (!seen) problems.push('could not read the page');
  else if (e.offSite && seen.overlay) problems.push('overlay present on a page that is not the IESS');
  else if (!e.offSite) {
    if (!seen.overlay) problems.push('no overlay');
    if (seen.step !== e.step) problems.push(`step ${seen.step} (expected ${e.step})`);
    if (seen.flow !== e.flow) problems.push(`flow ${seen.flow} (expected ${e.flow})`);
    if (e.alerts && !sameAlerts(e.alerts, seen.alerts)) problems.push(`alerts [${seen.alerts.join(', ')}] (expected [${e.alerts.join(', ')}])`);
  }
  if (stop.sameUrl && url !== previousUrl) problems.push(`URL changed from ${previousUrl} to ${url} (expected an AJAX update)`);
  return problems;
}

/** Whether a stop showed something other than what it expected. */
export const failed = (r: StopResult): boolean => r.problems.length > 0;

/** Runs every stop of `walk`; never throws for a wrong overlay (it is reported), only for a broken action. */
export async function runWalk(walk: Walk, ctx: WalkContext, options: RunOptions = {}): Promise<StopResult[]> {
  const results: StopResult[] = [];
  for (const [index, stop] of walk.stops.entries()) {
    const started = Date.now();
    const previousUrl = ctx.driver.url();
    await markPage(ctx);
    try {
      await stop.action(ctx);
    } catch (error) {
      throw new Error(`${walk.id} › ${stop.name}: ${stop.does}: ${(error as Error).message}`, { cause: error });
    }
    const settled = await pollUntil(() => pageSettled(ctx), Boolean, options.settleTimeoutMs ?? 10_000);
    if (!settled.ok) throw new Error(`${walk.id} › ${stop.name}: the page did not change after «${stop.does}»`);
    const withAlerts = stop.expect.alerts !== undefined;
    const seen = await pollUntil(() => observe(ctx, withAlerts), (o) => matches(stop.expect, o), options.overlayTimeoutMs ?? 8_000);
    const url = ctx.driver.url();
    const observed = seen.value ?? { overlay: false, step: null, flow: null, alerts: [] };
    const problems = describeProblems(stop, seen.value, previousUrl, url);
    const result: StopResult = { walk, stop, index, observed, url, previousUrl, problems, ms: Date.now() - started };
    results.push(result);
    await options.onStop?.(result);
  }
  return results;
}
