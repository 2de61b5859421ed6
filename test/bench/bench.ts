/**
 * `npm run bench`: what ClaveGuía costs a page, in real Chromium, with and without the extension, in one run.
 *
 *   npm run bench [-- --quick] [--runs N] [--json FILE] [--no-build] [--only load,latency,storms,scroll,heap,detect,size]
 *                 [--attribute]
 *
 * Two Chromium instances, identical but for the unpacked `dist/chrome` in one of them, stay open for the whole
 * run; every measurement is taken on both, one after the other, the order alternating per round (A/B, B/A…),
 * and each figure is the median of the rounds. CPU is the renderer main thread's task time from CDP
 * `Performance.getMetrics` in thread time; our script's own time comes from separate CPU-profiled rounds with the
 * extension (samples under a frame of the content script's URL). `--attribute` also profiles an unminified
 * copy (dist/chrome-bench) and prints where our time goes, per function and module. How each figure is
 * measured, and the last results: README, "Performance".
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { browserExecutable } from '../e2e/harness/browsers';
import { urlsForPort } from '../portal/layout';
import { createPortalServer } from '../portal/server';
import { portalStates, type PortalState } from '../portal/states';
import { closeTab, cpuBetween, heapAtRest, heapByKind, launchInstance, metrics, openTab, overlayStep, startProfile, stopProfile, type Instance, type Tab } from './chromium';
import { measureDetection } from './detect.bench';
import { bigPage, stormPage, STORM_RATE, type StormKind } from './pages';
import { attributedMs, figure, longestStretchMs, oursCpuMs, formatTable, median, ourFunctions, summary, type CpuProfile, type Figure } from './report';
import { gzipSize } from './size';
import { RESIDENT_TARGET_GZIP } from '../tools/resident-budget';
import { GUIDE_FILE, GUIDE_TIMES_KEY } from '../../src/content/guide-contract';
import { formatSizeReport, sizeReport, type SizeReport } from './size';

const root = resolve(import.meta.dirname, '../..');

// ---------------------------------------------------------------- options

const argv = process.argv.slice(2);
const flag = (name: string): boolean => argv.includes(name);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const quick = flag('--quick');
const RUNS = Number(option('--runs') ?? (quick ? 2 : 5));
/** Profiled rounds with the extension, for our script's own time (kept apart: profiling costs CPU itself). */
const PROFILED = quick ? 1 : 2;
const JSON_FILE = resolve(root, option('--json') ?? 'bench-results.json');
const SECTIONS = new Set((option('--only') ?? 'load,storms,scroll,heap,detect,size').split(','));
const ATTRIBUTE = flag('--attribute');

/** After the load event, how long a portal page is left before its CPU is read (our script starts at idle). */
const SETTLE_MS = 800;
/** A storm page is left this long to settle before the storm starts, and the storm is measured this long. */
const STORM_SETTLE_MS = 1000;
const STORM_MS = 3000;
/** The big page: time to load and detect before scrolling, then 40 wheel steps of 200 px, 50 ms apart. */
const BIG_SETTLE_MS = 2500;
const WHEEL_STEPS = 40;
const WHEEL_PX = 200;
const WHEEL_GAP_MS = 50;
/** At rest on a portal step before the heap is read. */
const REST_MS = 2500;

/** One state per step the detector knows (and a plain IESS page), from the practice portal's catalogue. */
const STEP_STATES = [
  'www/home',
  'www/afiliado-login',
  'recover/identity',
  'recover/verification',
  'recover/security-image',
  'recover/profile-contact',
  'recover/email-sent',
  'recover/code',
  'recover/link-terms',
  'recover/link-new-key',
  'recover/link-done',
  'change-key/form',
  'recover/session-expired',
];
const BASE_STATE = 'recover/identity';
/** An IESS page that is not a recovery page: what most IESS pages cost (the resident script alone). */
const PLAIN_STATE = 'www/home';
/** Issue 19's target for the resident script (the build's own ceiling is looser: test/tools/resident-budget.ts). */
const RESIDENT_GZIP_KB = RESIDENT_TARGET_GZIP / 1024;

// ---------------------------------------------------------------- pages

interface BenchServer {
  /** Where the browser opens a catalogue state, or a bench variant of one. */
  url(stateId: string, variant?: string, slow?: boolean): string;
  state(id: string): PortalState;
  close(): Promise<void>;
}

/**
 * The practice portal (its CAPTCHA stand-in and anything else a page loads) plus a server that serves the
 * catalogue's states, and the bench's variants of them, at their real host and path.
 */
async function startPages(): Promise<BenchServer> {
  const portal = createPortalServer();
  const { port: portalPort } = await portal.start();
  const states = new Map(portalStates({ urls: urlsForPort(portalPort) }).map((s) => [s.id, s]));
  const base = states.get(BASE_STATE);
  if (!base) throw new Error(`no catalogue state ${BASE_STATE}`);
  const variants: Record<string, string> = {
    'storm-text': stormPage(base.html, 'text'),
    'storm-attributes': stormPage(base.html, 'attributes'),
    'storm-nodes': stormPage(base.html, 'nodes'),
    big: bigPage(base.html, 50_000),
  };
  const server: Server = createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const state = states.get(q.get('cgstate') ?? '');
    const variant = q.get('bench');
    const html = variant ? variants[variant] : state?.html;
    if (!html) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not a bench page');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    if (q.get('slow') === '1') {
      // Profiled loads: the head commits the document, the rest comes later, so the profiler is on before any
      // script of the page or of ours runs.
      res.write(html.slice(0, 200));
      setTimeout(() => res.end(html.slice(200)), 300);
    } else {
      res.end(html);
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return {
    url(stateId, variant, slow) {
      const s = states.get(stateId);
      if (!s) throw new Error(`no catalogue state ${stateId}`);
      const u = new URL(s.url);
      u.port = String(port);
      u.searchParams.set('cgstate', stateId);
      if (variant) u.searchParams.set('bench', variant);
      if (slow) u.searchParams.set('slow', '1');
      return u.toString();
    },
    state(id) {
      const s = states.get(id);
      if (!s) throw new Error(`no catalogue state ${id}`);
      return s;
    },
    async close() {
      await new Promise<void>((done) => server.close(() => done()));
      await portal.stop();
    },
  };
}

// ---------------------------------------------------------------- one measurement each

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

interface Sample {
  taskMs: number;
  scriptMs: number;
  /** Our script's time from a CPU profile (profiled rounds only). */
  oursMs?: number;
  profile?: CpuProfile;
  extra?: Record<string, number | string | null>;
}

type Options = { profile?: boolean };

/**
 * One tab per browser for the page loads, kept between loads (opening a tab costs more than a load) and parked
 * on about:blank in between, so nothing of ours keeps running beside the other measurements.
 */
const loadTabs = new Map<Instance, Tab>();

/**
 * Loads a page; CPU from navigation to SETTLE_MS after the load event (CDP's metrics restart with each
 * document; the first read is checked to be that new document's).
 */
async function pageLoad(inst: Instance, url: string, settleMs = SETTLE_MS): Promise<Sample> {
  let tab = loadTabs.get(inst);
  if (!tab) {
    tab = await openTab(inst);
    loadTabs.set(inst, tab);
  }
  try {
    await tab.page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await sleep(settleMs);
    const m = await metrics(tab.cdp);
    const loadMs = await tab.page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return nav ? nav.loadEventEnd - nav.startTime : Number.NaN;
    });
    const ms = (name: string): number => (m[name] ?? 0) * 1000;
    return {
      taskMs: ms('TaskDuration'),
      scriptMs: ms('ScriptDuration'),
      extra: {
        loadMs,
        compileMs: ms('V8CompileDuration'),
        styleLayoutMs: ms('RecalcStyleDuration') + ms('LayoutDuration'),
        step: await overlayStep(tab.page),
      },
    };
  } finally {
    await tab.page.goto('about:blank');
  }
}

/**
 * A profiled load (our script's own time at load): the page is delivered slowly, the profiler starts at commit,
 * before any script runs, and stops SETTLE_MS after the load event.
 */
async function pageLoadProfiled(inst: Instance, slowUrl: string, settleMs = SETTLE_MS): Promise<Sample> {
  const tab = await openTab(inst);
  try {
    await tab.page.goto(slowUrl, { waitUntil: 'commit', timeout: 60_000 });
    await startProfile(tab.cdp);
    await tab.page.waitForLoadState('load', { timeout: 60_000 });
    await sleep(settleMs);
    const m = await metrics(tab.cdp);
    const profile = await stopProfile(tab.cdp);
    const origin = inst.extensionOrigin;
    const longest = origin ? longestStretchMs(profile, (u) => u.startsWith(origin)) : Number.NaN;
    return { taskMs: (m.TaskDuration ?? 0) * 1000, scriptMs: (m.ScriptDuration ?? 0) * 1000, profile, extra: { longestMs: longest } };
  } finally {
    await closeTab(tab);
  }
}

async function closeLoadTabs(): Promise<void> {
  for (const tab of loadTabs.values()) await closeTab(tab);
  loadTabs.clear();
}

/** A storm page: settled, then the storm is started and STORM_MS of it measured. */
async function storm(inst: Instance, url: string, opts: Options = {}): Promise<Sample> {
  const tab = await openTab(inst);
  try {
    await tab.page.goto(url, { waitUntil: 'load' });
    await sleep(STORM_SETTLE_MS);
    const before = await metrics(tab.cdp);
    if (opts.profile) await startProfile(tab.cdp);
    await tab.page.evaluate(() => (window as unknown as { __benchStorm: { start(): void } }).__benchStorm.start());
    await sleep(STORM_MS);
    const ticks = await tab.page.evaluate(() => (window as unknown as { __benchStorm: { ticks: number; stop(): void } }).__benchStorm.ticks);
    const after = await metrics(tab.cdp);
    const profile = opts.profile ? await stopProfile(tab.cdp) : undefined;
    return { ...cpuBetween(before, after), ...(profile ? { profile } : {}), extra: { perSecond: (ticks * 1000) / STORM_MS, step: await overlayStep(tab.page) } };
  } finally {
    await closeTab(tab);
  }
}

/** The 50,000-element page: loaded and left to detect, then 40 wheel steps measured. */
async function scroll(inst: Instance, url: string, opts: Options = {}): Promise<Sample> {
  const tab = await openTab(inst);
  try {
    await tab.page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await sleep(BIG_SETTLE_MS);
    const step = await overlayStep(tab.page);
    const elements = await tab.page.evaluate(() => document.getElementsByTagName('*').length);
    await tab.page.mouse.move(400, 360);
    const before = await metrics(tab.cdp);
    if (opts.profile) await startProfile(tab.cdp);
    for (let i = 0; i < WHEEL_STEPS; i++) {
      await tab.page.mouse.wheel(0, WHEEL_PX);
      await sleep(WHEEL_GAP_MS);
    }
    await sleep(300);
    const after = await metrics(tab.cdp);
    const profile = opts.profile ? await stopProfile(tab.cdp) : undefined;
    const scrollY = await tab.page.evaluate(() => window.scrollY);
    return { ...cpuBetween(before, after), ...(profile ? { profile } : {}), extra: { step, elements, scrollY } };
  } finally {
    await closeTab(tab);
  }
}

/** A portal step at rest: JS heap (all worlds) and Blink's heap after a full GC. */
async function heap(inst: Instance, url: string): Promise<Sample> {
  const tab = await openTab(inst);
  try {
    await tab.page.goto(url, { waitUntil: 'load' });
    await sleep(REST_MS);
    const h = await heapAtRest(tab.cdp);
    const extra: Record<string, number | string | null> = { jsUsed: h.jsUsed, embedderUsed: h.embedderUsed, nodes: h.nodes, listeners: h.listeners, step: await overlayStep(tab.page) };
    if (!inst.extensionOrigin) {
      // What any content script pays before its first line: an isolated world of its own (a context with its
      // own global object and built-ins) in the page's isolate. Made here, empty, in the page without us.
      const { frameTree } = await tab.cdp.send('Page.getFrameTree');
      const { executionContextId } = await tab.cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'bench-empty-world' });
      await tab.cdp.send('Runtime.evaluate', { expression: 'globalThis.x = 1', contextId: executionContextId });
      extra.emptyWorld = (await heapAtRest(tab.cdp)).jsUsed - h.jsUsed;
    }
    return { taskMs: Number.NaN, scriptMs: Number.NaN, extra };
  } finally {
    await closeTab(tab);
  }
}

/** Detection → guide on screen, and its parts (ms, the document's `performance.now()`). */
interface GuideLatency {
  total: number;
  /** Asked → the guide bundle parsed and run in our world: the message, the worker, `executeScript`. */
  inject: number;
  /** → the resident starting it: the answer back to the resident. */
  answer: number;
  /** → on screen: the guide's storage reads and first renders. */
  show: number;
}

const NO_LATENCY: GuideLatency = { total: Number.NaN, inject: Number.NaN, answer: Number.NaN, show: Number.NaN };

/**
 * Detection → guide on screen (the cost of loading the guide on demand), with the extension only: the resident
 * and the guide note on their isolated world when the guide was first asked for, arrived and was started
 * (`GUIDE_TIMES_KEY`, read here over CDP in that world); a page-world observer notes when the overlay host first
 * carries a step. All are the document's `performance.now()`.
 */
async function guideLatency(inst: Instance, url: string): Promise<GuideLatency> {
  const origin = inst.extensionOrigin;
  if (!origin) return NO_LATENCY;
  const tab = await openTab(inst);
  try {
    const worlds: number[] = [];
    tab.cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; origin: string; auxData?: { type?: string } } }) => {
      if (e.context.auxData?.type === 'isolated' && `${e.context.origin}/` === origin) worlds.push(e.context.id);
    });
    await tab.cdp.send('Runtime.enable');
    await tab.page.addInitScript(() => {
      const w = window as unknown as { __benchHostAt?: number };
      new MutationObserver(() => {
        if (w.__benchHostAt === undefined && document.querySelector('[data-claveguia-host][data-claveguia-step]')) w.__benchHostAt = performance.now();
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-claveguia-step'] });
    });
    await tab.page.goto(url, { waitUntil: 'load' });
    await tab.page.waitForFunction(() => (window as unknown as { __benchHostAt?: number }).__benchHostAt !== undefined, null, { timeout: 15_000 });
    const hostAt = await tab.page.evaluate(() => (window as unknown as { __benchHostAt: number }).__benchHostAt);
    for (const contextId of worlds.reverse()) {
      const { result } = (await tab.cdp.send('Runtime.evaluate', {
        contextId,
        expression: `globalThis[Symbol.for(${JSON.stringify(GUIDE_TIMES_KEY)})]`,
        returnByValue: true,
      })) as { result: { value?: { asked?: number; arrived?: number; started?: number } } };
      const times = result.value;
      if (typeof times?.asked !== 'number') continue;
      const { asked, arrived = Number.NaN, started = Number.NaN } = times;
      return { total: hostAt - asked, inject: arrived - asked, answer: started - arrived, show: hostAt - started };
    }
    return NO_LATENCY;
  } finally {
    await closeTab(tab);
  }
}

// ---------------------------------------------------------------- rounds

interface Scenario {
  id: string;
  run: (inst: Instance, opts?: Options) => Promise<Sample>;
  /** Whether our script's time is wanted from profiled rounds. */
  profiled: boolean;
}

interface Collected {
  /** Wall seconds spent on this scenario, all rounds. */
  seconds: number;
  without: Sample[];
  with: Sample[];
  profiled: Sample[];
  attributed: Sample[];
}

async function collect(scenarios: Scenario[], a: Instance, b: Instance, attribution: Instance | null): Promise<Map<string, Collected>> {
  const out = new Map<string, Collected>(scenarios.map((s) => [s.id, { seconds: 0, without: [], with: [], profiled: [], attributed: [] }]));
  const total = RUNS * scenarios.length;
  let done = 0;
  for (let round = 0; round < RUNS; round++) {
    for (const s of scenarios) {
      const c = out.get(s.id) as Collected;
      // A/B in even rounds, B/A in odd ones: neither side always goes first.
      const order = round % 2 === 0 ? [a, b] : [b, a];
      const t0 = Date.now();
      for (const inst of order) {
        const sample = await s.run(inst);
        (inst === a ? c.with : c.without).push(sample);
      }
      c.seconds += (Date.now() - t0) / 1000;
      done++;
      process.stderr.write(`\r  rounds: ${done}/${total} (${s.id})`.padEnd(70));
    }
  }
  await closeLoadTabs();
  for (const s of scenarios.filter((x) => x.profiled)) {
    const c = out.get(s.id) as Collected;
    const t0 = Date.now();
    for (let i = 0; i < PROFILED; i++) {
      const sample = await s.run(a, { profile: true });
      if (sample.profile) sample.oursMs = oursCpuMs(sample.profile, (u) => !!a.extensionOrigin && u.startsWith(a.extensionOrigin), sample.taskMs);
      delete sample.profile;
      c.profiled.push(sample);
      if (attribution) {
        const attr = await s.run(attribution, { profile: true });
        c.attributed.push(attr);
      }
    }
    c.seconds += (Date.now() - t0) / 1000;
    process.stderr.write(`\r  profiled: ${s.id}`.padEnd(70));
  }
  process.stderr.write('\n');
  return out;
}

const col = (samples: Sample[], key: keyof Sample | string): number[] =>
  samples.map((s) => (key in s ? (s[key as keyof Sample] as number) : (s.extra?.[key] as number))).filter((v) => typeof v === 'number' && Number.isFinite(v));

const answers = (samples: Sample[], key: string): string[] => samples.map((s) => String(s.extra?.[key] ?? 'none'));

/** The most common answer (the detected step across rounds). */
function mode(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((x, y) => y[1] - x[1])[0]?.[0] ?? 'none';
}

// ---------------------------------------------------------------- attribution (unminified copy)

/** Maps a line of the unminified bundle to its module, from the bundler's `// src/…` markers. */
function moduleLocator(bundlePath: string): (line: number) => string {
  const lines = readFileSync(bundlePath, 'utf8').split('\n');
  const starts: Array<[number, string]> = [];
  lines.forEach((l, i) => {
    const m = /^\t\/\/ ((?:src|node_modules|\\0|\0)\S*)$/.exec(l);
    if (m) starts.push([i, (m[1] as string).replace(/^.*node_modules\//, 'node_modules/')]);
  });
  return (line) => {
    let name = '?';
    for (const [at, mod] of starts) {
      if (at > line) break;
      name = mod;
    }
    return name;
  };
}

function attributionReport(c: Map<string, Collected>, inst: Instance, bundleDir: string): Record<string, Array<{ fn: string; ms: number }>> {
  // The resident and the guide are two bundles: each frame is located in the file it ran from.
  const resident = moduleLocator(resolve(bundleDir, 'src/content/index.js'));
  const guide = moduleLocator(resolve(bundleDir, GUIDE_FILE));
  const locateFrame = (f: { url: string; lineNumber: number }): string => (f.url.endsWith(`/${GUIDE_FILE}`) ? guide : resident)(f.lineNumber);
  const isOurs = (u: string): boolean => !!inst.extensionOrigin && u.startsWith(inst.extensionOrigin);
  const report: Record<string, Array<{ fn: string; ms: number }>> = {};
  for (const [id, col] of c) {
    if (col.attributed.length === 0) continue;
    const totals = new Map<string, number>();
    let all = 0;
    for (const s of col.attributed) {
      if (!s.profile) continue;
      all += attributedMs(s.profile, isOurs);
      for (const { fn, ms } of ourFunctions(s.profile, isOurs, 1000, (f) => `${locateFrame(f)}:${f.lineNumber + 1}`)) totals.set(fn, (totals.get(fn) ?? 0) + ms);
    }
    const runs = col.attributed.length;
    report[id] = [{ fn: '(all of our script)', ms: all / runs }, ...[...totals.entries()].map(([fn, ms]) => ({ fn, ms: ms / runs })).sort((x, y) => y.ms - x.ms).slice(0, 12)];
    // By module too: the same samples folded by file.
    const byModule = new Map<string, number>();
    for (const [fn, ms] of totals) {
      const mod = fn.split(' ').at(-1)?.replace(/:\d+$/, '') ?? '?';
      byModule.set(mod, (byModule.get(mod) ?? 0) + ms / runs);
    }
    report[`${id} (by module)`] = [...byModule.entries()].map(([fn, ms]) => ({ fn, ms })).sort((x, y) => y.ms - x.ms).slice(0, 8);
  }
  return report;
}

// ---------------------------------------------------------------- main

interface Machine {
  nproc: number;
  cpu: string;
  chromium: string;
  node: string;
  loadavgAtStart: string;
}

function machine(): Machine {
  const cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
  let chromium = 'unknown';
  try {
    chromium = execFileSync(browserExecutable('chromium'), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // reported as unknown
  }
  return { nproc: availableParallelism(), cpu, chromium, node: process.version, loadavgAtStart: loadavg().map((l) => l.toFixed(2)).join(' ') };
}

function build(): void {
  if (flag('--no-build')) return;
  process.stderr.write('building dist/chrome…\n');
  execFileSync('npx', ['vite', 'build', '--mode', 'chrome', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (ATTRIBUTE) {
    process.stderr.write('building dist/chrome-bench (unminified, for attribution)…\n');
    execFileSync('npx', ['vite', 'build', '--mode', 'chrome', '--logLevel', 'warn'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, CLAVEGUIA_OUT_SUFFIX: '-bench', CLAVEGUIA_BENCH_UNMINIFIED: '1' },
    });
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const info = machine();
  build();
  const figures: Figure[] = [];
  const raw: Record<string, unknown> = {};
  /** Wall time per part, to keep the whole run near ten minutes. */
  const timings: string[] = [];
  let size: SizeReport | null = null;

  const pages = await startPages();
  const browserSections = ['load', 'latency', 'storms', 'scroll', 'heap'].some((s) => SECTIONS.has(s));
  const a = browserSections ? await launchInstance('with', resolve(root, 'dist/chrome')) : null;
  const b = browserSections ? await launchInstance('without', null) : null;
  const c = browserSections && ATTRIBUTE ? await launchInstance('with (unminified)', resolve(root, 'dist/chrome-bench')) : null;
  try {
    if (a && b) {
      const scenarios: Scenario[] = [];
      if (SECTIONS.has('load')) {
        for (const id of STEP_STATES) {
          // Our script's own time at load, from profiles, on a page that is no step and on the first step.
          const profiled = id === 'www/home' || id === BASE_STATE;
          scenarios.push({ id: `load:${id}`, run: (i, o) => (o?.profile ? pageLoadProfiled(i, pages.url(id, undefined, true)) : pageLoad(i, pages.url(id))), profiled });
        }
      }
      if (SECTIONS.has('storms')) {
        for (const kind of ['text', 'attributes', 'nodes'] as StormKind[]) {
          scenarios.push({ id: `storm:${kind}`, run: (i, o) => storm(i, pages.url(BASE_STATE, `storm-${kind}`), o), profiled: true });
        }
      }
      if (SECTIONS.has('scroll')) {
        scenarios.push({ id: 'scroll', run: (i, o) => scroll(i, pages.url(BASE_STATE, 'big'), o), profiled: true });
        scenarios.push({
          id: 'bigload',
          run: (i, o) => (o?.profile ? pageLoadProfiled(i, pages.url(BASE_STATE, 'big', true), BIG_SETTLE_MS) : pageLoad(i, pages.url(BASE_STATE, 'big'), BIG_SETTLE_MS)),
          profiled: true,
        });
      }
      if (SECTIONS.has('heap')) {
        scenarios.push({ id: 'heap', run: (i) => heap(i, pages.url(BASE_STATE)), profiled: false });
        scenarios.push({ id: 'heap:plain', run: (i) => heap(i, pages.url(PLAIN_STATE)), profiled: false });
      }
      process.stderr.write(`${RUNS} rounds × ${scenarios.length} scenarios × 2 browsers, then ${PROFILED} profiled round(s)\n`);
      const results = await collect(scenarios, a, b, c);
      if (SECTIONS.has('load') || SECTIONS.has('latency')) {
        // Detection → guide on screen, with the extension only, on the first recovery step and the new-key step.
        const t0 = Date.now();
        const latencies: GuideLatency[] = [];
        for (let round = 0; round < RUNS; round++) {
          for (const id of [BASE_STATE, 'recover/link-new-key']) latencies.push(await guideLatency(a, pages.url(id)));
        }
        raw.guideLatency = latencies;
        timings.push(`guide latency ${((Date.now() - t0) / 1000).toFixed(0)} s`);
        const section = 'the guide, loaded on demand';
        const part = (key: keyof GuideLatency): number[] => latencies.map((l) => l[key]).filter(Number.isFinite);
        figures.push(
          figure({
            id: 'guide:latency',
            section,
            name: `detection → guide on screen (${BASE_STATE}, recover/link-new-key)`,
            unit: 'ms',
            with: part('total'),
            target: { kind: 'max', on: 'value', max: 100, label: '≤ 100 ms median' },
            note: `per load: ${latencies.map((l) => l.total.toFixed(0)).join(', ')} ms`,
          }),
        );
        figures.push(figure({ id: 'guide:inject', section, name: '  asked → guide parsed and run (message, worker, executeScript)', unit: 'ms', with: part('inject') }));
        figures.push(figure({ id: 'guide:answer', section, name: '  → started by the resident (the answer back)', unit: 'ms', with: part('answer') }));
        figures.push(figure({ id: 'guide:show', section, name: '  → on screen (storage reads, first renders)', unit: 'ms', with: part('show') }));
      }
      for (const [id, r] of results) {
        raw[id] = { seconds: r.seconds, without: r.without, with: r.with, profiled: r.profiled.map((s) => ({ ...s, profile: undefined })) };
        timings.push(`${id} ${r.seconds.toFixed(0)} s`);
      }

      for (const id of STEP_STATES) {
        const r = results.get(`load:${id}`);
        if (!r) continue;
        const expected = pages.state(id).expected.step;
        const seen = mode(answers(r.with, 'step'));
        figures.push(
          figure({ id: `load:${id}:load`, section: 'practice-portal steps: page load', name: `${id} (${expected}): load`, unit: 'ms', without: col(r.without, 'loadMs'), with: col(r.with, 'loadMs'), note: `overlay step: ${seen}` }),
        );
        figures.push(
          figure({
            id: `load:${id}:cpu`,
            section: 'practice-portal steps: page load',
            name: `${id}: CPU to load+${SETTLE_MS / 1000}s`,
            unit: 'ms',
            without: col(r.without, 'taskMs'),
            with: col(r.with, 'taskMs'),
            ...(r.profiled.length ? { ours: col(r.profiled, 'oursMs') } : {}),
            ...(id === PLAIN_STATE ? { target: { kind: 'max', on: 'ours', max: 10, label: 'ours ≤ 10 ms' } as const } : {}),
            ...(id === 'recover/link-new-key' ? { target: { kind: 'max', on: 'ratio', max: 1.5, label: 'ratio ≤ 1.5' } as const } : {}),
          }),
        );
        if (id === PLAIN_STATE) {
          figures.push(
            figure({
              id: `load:${id}:host`,
              section: 'practice-portal steps: page load',
              name: `${id}: overlay host in the page`,
              unit: '',
              with: [],
              answer: seen,
              target: { kind: 'equals', expected: 'none', label: 'none' },
            }),
          );
        }
      }
      // What the added CPU at load is made of: per step, with − without (medians), then the median over steps.
      const added = (key: string): number[] =>
        STEP_STATES.map((id) => results.get(`load:${id}`)).filter((r): r is Collected => !!r).map((r) => median(col(r.with, key)) - median(col(r.without, key)));
      if (SECTIONS.has('load')) {
        const section = 'practice-portal steps: page load';
        const task = added('taskMs');
        const styleLayout = added('styleLayoutMs');
        figures.push(
          figure({ id: 'load:added:cpu', section, name: 'CPU added per load (median over steps)', unit: 'ms', with: [median(task)], target: { kind: 'max', on: 'value', max: 10, label: '≤ +10 ms' } }),
        );
        figures.push(figure({ id: 'load:added:style', section, name: '  of which style + layout', unit: 'ms', with: [median(styleLayout)] }));
      }
      for (const kind of ['text', 'attributes', 'nodes'] as StormKind[]) {
        const r = results.get(`storm:${kind}`);
        if (!r) continue;
        const label = kind === 'text' ? 'text' : kind === 'attributes' ? 'attribute' : 'node insert/remove';
        figures.push(
          figure({
            id: `storm:${kind}`,
            section: `storms: ${STORM_RATE.toLocaleString('en')} mutations/s, CPU over ${STORM_MS / 1000} s`,
            name: `${label} storm`,
            unit: 'ms',
            without: col(r.without, 'taskMs'),
            with: col(r.with, 'taskMs'),
            ours: col(r.profiled, 'oursMs').map((ms) => ms / (STORM_MS / 1000)),
            oursUnit: 'ms/s',
            target: { kind: 'max', on: 'ratio', max: 1.05, label: 'ratio ≤ 1.05' },
            note: `mutations/s achieved: without ${median(col(r.without, 'perSecond')).toFixed(0)}, with ${median(col(r.with, 'perSecond')).toFixed(0)}`,
          }),
        );
      }
      const sc = results.get('scroll');
      if (sc) {
        const section = `scrolling the 50,000-element page: ${WHEEL_STEPS} wheel steps of ${WHEEL_PX} px`;
        figures.push(
          figure({
            id: 'scroll:cpu',
            section,
            name: 'scroll CPU',
            unit: 'ms',
            without: col(sc.without, 'taskMs'),
            with: col(sc.with, 'taskMs'),
            target: { kind: 'max', on: 'ratio', max: 1.05, label: 'ratio ≤ 1.05' },
            note: `scrollY after: without ${median(col(sc.without, 'scrollY'))}, with ${median(col(sc.with, 'scrollY'))}; elements ${median(col(sc.with, 'elements'))}`,
          }),
        );
        figures.push(
          figure({
            id: 'scroll:ours',
            section,
            name: 'our script per wheel step',
            unit: 'ms',
            with: col(sc.profiled, 'oursMs').map((ms) => ms / WHEEL_STEPS),
            target: { kind: 'max', on: 'value', max: 0.5, label: '≤ 0.5 ms' },
          }),
        );
        const expected = pages.state(BASE_STATE).expected.step;
        figures.push(
          figure({
            id: 'scroll:step',
            section,
            name: 'recovery form after 50,000 elements: step',
            unit: '',
            with: [],
            answer: mode(answers(sc.with, 'step')),
            target: { kind: 'equals', expected, label: `= ${expected}` },
            note: `per round: ${answers(sc.with, 'step').join(', ')}`,
          }),
        );
      }
      const big = results.get('bigload');
      if (big) {
        const section = `loading the 50,000-element page: CPU to load+${BIG_SETTLE_MS / 1000}s`;
        figures.push(figure({ id: 'big:load', section, name: 'CPU to load', unit: 'ms', without: col(big.without, 'taskMs'), with: col(big.with, 'taskMs'), ours: col(big.profiled, 'oursMs') }));
        figures.push(
          figure({
            id: 'big:added',
            section,
            name: 'CPU added',
            unit: 'ms',
            with: [median(col(big.with, 'taskMs')) - median(col(big.without, 'taskMs'))],
            target: { kind: 'max', on: 'value', max: 50, label: '≤ +50 ms' },
          }),
        );
        figures.push(
          figure({
            id: 'big:stretch',
            section,
            name: 'our longest unbroken stretch (profiled)',
            unit: 'ms',
            with: col(big.profiled, 'longestMs'),
            target: { kind: 'max', on: 'value', max: 16, label: '≤ 16 ms' },
          }),
        );
      }
      const mb = (xs: number[]): number[] => xs.map((x) => x / (1024 * 1024));
      const plainHeap = results.get('heap:plain');
      if (plainHeap) {
        const section = `heap at rest on ${PLAIN_STATE} (not a recovery page), after a full GC (${REST_MS / 1000} s after load)`;
        const added = median(mb(col(plainHeap.with, 'jsUsed'))) - median(mb(col(plainHeap.without, 'jsUsed')));
        figures.push(figure({ id: 'heap:plain:js-added', section, name: 'JS heap added', unit: 'MB', with: [added], target: { kind: 'max', on: 'value', max: 0.5, label: '≤ 0.5 MB' } }));
        figures.push(figure({ id: 'heap:plain:nodes', section, name: 'DOM nodes', unit: '', without: col(plainHeap.without, 'nodes'), with: col(plainHeap.with, 'nodes') }));
      }
      const hp = results.get('heap');
      if (hp) {
        const section = `heap at rest on ${BASE_STATE}, after a full GC (${REST_MS / 1000} s after load)`;
        const jsWith = mb(col(hp.with, 'jsUsed'));
        const jsWithout = mb(col(hp.without, 'jsUsed'));
        figures.push(
          figure({ id: 'heap:js', section, name: 'JS heap (all worlds)', unit: 'MB', without: jsWithout, with: jsWith, note: 'target applies to the difference (next row)' }),
        );
        figures.push(
          figure({
            id: 'heap:js-added',
            section,
            name: 'JS heap added',
            unit: 'MB',
            with: [median(jsWith) - median(jsWithout)],
            target: { kind: 'max', on: 'value', max: 1, label: '≤ 1 MB (a recovery page)' },
          }),
        );
        const eWith = mb(col(hp.with, 'embedderUsed'));
        const eWithout = mb(col(hp.without, 'embedderUsed'));
        figures.push(figure({ id: 'heap:blink', section, name: 'Blink heap (DOM, Oilpan)', unit: 'MB', without: eWithout, with: eWith }));
        figures.push(figure({ id: 'heap:blink-added', section, name: 'Blink heap added', unit: 'MB', with: [median(eWith) - median(eWithout)] }));
        figures.push(
          figure({
            id: 'heap:empty-world',
            section,
            name: 'of which any content script pays: an empty isolated world',
            unit: 'MB',
            with: mb(col(hp.without, 'emptyWorld')),
            note: 'measured in the browser without the extension: CDP Page.createIsolatedWorld + one evaluation, then GC',
          }),
        );
        figures.push(figure({ id: 'heap:nodes', section, name: 'DOM nodes', unit: '', without: col(hp.without, 'nodes'), with: col(hp.with, 'nodes') }));
      }
      if (c && SECTIONS.has('heap')) {
        // What the added heap is made of: one snapshot with and one without, summed by kind, the biggest differences,
        // on the recovery page and on the page that is not one.
        const kinds = async (inst: Instance, state: string): Promise<Map<string, number>> => {
          const tab = await openTab(inst);
          try {
            await tab.page.goto(pages.url(state), { waitUntil: 'load' });
            await sleep(REST_MS);
            return await heapByKind(tab.cdp);
          } finally {
            await closeTab(tab);
          }
        };
        for (const state of [BASE_STATE, PLAIN_STATE]) {
          const [withKinds, withoutKinds] = [await kinds(a, state), await kinds(b, state)];
          const keys = new Set([...withKinds.keys(), ...withoutKinds.keys()]);
          const diff = [...keys].map((k) => ({ kind: k, bytes: (withKinds.get(k) ?? 0) - (withoutKinds.get(k) ?? 0) })).sort((x, y) => y.bytes - x.bytes);
          const total = diff.reduce((sum, d) => sum + d.bytes, 0);
          raw[`heapByKind:${state}`] = diff.slice(0, 40);
          process.stdout.write(`\nWhat the added heap is made of on ${state} (heap snapshots with − without, self sizes, total ${(total / 1048576).toFixed(2)} MB):\n`);
          for (const d of diff.slice(0, 15)) process.stdout.write(`  ${(d.bytes / 1024).toFixed(0).padStart(7)} KB  ${d.kind}\n`);
        }
      }
      if (c) {
        const attribution = attributionReport(results, c, resolve(root, 'dist/chrome-bench'));
        raw.attribution = attribution;
        process.stdout.write('\nWhere our script time goes (unminified copy, CPU profile, ms per measured window; self time per function,\nDOM and layout work counted for the function that called it):\n');
        for (const [id, rows] of Object.entries(attribution)) {
          process.stdout.write(`  ${id}\n`);
          for (const r of rows) process.stdout.write(`    ${r.ms.toFixed(2).padStart(8)} ms  ${r.fn}\n`);
        }
      }
    }
  } finally {
    await Promise.all([a?.close(), b?.close(), c?.close()]);
    await pages.close();
  }

  if (SECTIONS.has('detect')) {
    process.stderr.write('detection pass (headless, no extension)…\n');
    // The practice portal's pages only (bench:detect times every corpus group, and the 10,000-element page),
    // without the "@ajax" twins (the same documents at the entry address).
    const t0 = Date.now();
    const det = await measureDetection({ groups: ['practice portal states'], warmup: 10, samples: quick ? 10 : 20, batch: 10, clock: 'thread', pageFilter: (p) => !p.id?.endsWith('@ajax') });
    timings.push(`detection ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    raw.detection = det;
    for (const g of det.groups) {
      const portal = g.name === 'practice portal states';
      figures.push(
        figure({
          id: `detect:${g.name}`,
          section: 'detection pass (one classify() in Chromium, no extension; main-thread CPU)',
          name: `${g.name} (${g.pages} pages, ${g.elements} el.): median page`,
          unit: 'ms',
          with: [g.stat.median],
          ...(portal ? { target: { kind: 'max', on: 'value', max: 1, label: '≤ 1 ms' } as const } : {}),
        }),
      );
      figures.push(figure({ id: `detect:${g.name}:p95`, section: 'detection pass (one classify() in Chromium, no extension; main-thread CPU)', name: `${g.name}: p95 page`, unit: 'ms', with: [g.stat.p95] }));
    }
  }

  if (SECTIONS.has('size')) {
    size = await sizeReport(resolve(root, 'dist/chrome/src/content/index.js'));
    const section = 'sizes: the resident script (every IESS page) and the guide (injected where it guides)';
    figures.push(figure({ id: 'size:raw', section, name: 'resident, raw (src/content/index.js)', unit: 'KB', with: [size.raw / 1024] }));
    figures.push(
      figure({
        id: 'size:gzip',
        section,
        name: 'resident, gzip -9',
        unit: 'KB',
        with: [size.gzip / 1024],
        target: { kind: 'max', on: 'value', max: RESIDENT_GZIP_KB, label: `≤ ${RESIDENT_GZIP_KB} KB` },
      }),
    );
    const guide = readFileSync(resolve(root, 'dist/chrome', GUIDE_FILE));
    figures.push(figure({ id: 'size:guide-raw', section, name: `guide, raw (${GUIDE_FILE})`, unit: 'KB', with: [guide.length / 1024] }));
    figures.push(figure({ id: 'size:guide-gzip', section, name: 'guide, gzip -9', unit: 'KB', with: [gzipSize(guide) / 1024] }));
  }

  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  const endInfo = { ...info, loadavgAtEnd: loadavg().map((l) => l.toFixed(2)).join(' ') };
  process.stdout.write(
    `\nClaveGuía bench, ${new Date().toISOString().slice(0, 10)}; ${endInfo.chromium}; ${endInfo.nproc} cores, ${endInfo.cpu}; load average ${endInfo.loadavgAtStart} → ${endInfo.loadavgAtEnd}\n` +
      `median of ${RUNS} rounds per browser (A/B interleaved), our script from ${PROFILED} profiled round(s); CPU = renderer main-thread task time (thread clock); ${minutes} min\n\n`,
  );
  process.stdout.write(formatTable(figures));
  const notes = figures.filter((f) => f.note).map((f) => `  ${f.name}: ${f.note}`);
  if (notes.length) process.stdout.write(`\nnotes:\n${notes.join('\n')}\n`);
  if (size) process.stdout.write(`\n${formatSizeReport(size, 15)}`);
  process.stdout.write(`\nwall time per part: ${timings.join(', ')}\n`);
  const s = summary(figures);
  process.stdout.write(`\ntargets: ${s.pass} met, ${s.miss} missed${s.miss ? ` (${s.missed.join('; ')})` : ''}\n`);
  writeFileSync(
    JSON_FILE,
    `${JSON.stringify({ date: new Date().toISOString(), machine: endInfo, runs: RUNS, profiledRuns: PROFILED, quick, minutes: Number(minutes), figures, size, raw }, null, 2)}\n`,
  );
  process.stdout.write(`JSON: ${JSON_FILE}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
