/**
 * Re-runs the step detector while the page changes under PrimeFaces AJAX, on-screen keypads and history
 * navigation, at a bounded cost: mutations are triaged (mutation-triage.ts), passes back off while the answer
 * stays the same, and a page that storms is polled slowly instead of observed. The constructor does nothing,
 * start/stop are idempotent, destroy removes every observer, listener and timer for good. Its tunables, and
 * what each means, are in page-watcher-options.ts.
 */
import type { Detection } from '../detect/vocabulary';
import { triage } from './mutation-triage';
import { WATCHER_DEFAULTS, type PageWatcherOptions } from './page-watcher-options';
import { passRunner, type PassRunner } from './sliced-pass';
import { StormMeter } from './storm-meter';

export type { PageWatcherOptions } from './page-watcher-options';

const OBSERVED_ATTRIBUTES = ['hidden', 'style', 'class', 'aria-hidden', 'disabled', 'type'];
const OBSERVED: MutationObserverInit = { childList: true, subtree: true, attributes: true, attributeFilter: OBSERVED_ATTRIBUTES };
/** Open shadow roots observed besides the page (a page built of components); past this, the slow URL poll and input events still look. */
const MAX_SHADOW_ROOTS = 32;

type IdleWindow = Window & {
  requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number;
  cancelIdleCallback?: (id: number) => void;
};

export class PageWatcher {
  private readonly opts: Required<PageWatcherOptions>;
  private observer: MutationObserver | null = null;
  /** The element observed; once it leaves the document, the page has rewritten its whole document. */
  private observedRoot: Element | null = null;
  private started = false;
  private destroyed = false;
  private dirty = false;
  private throttleTimer: ReturnType<typeof setTimeout> | null = null;
  private idleHandle: number | null = null;
  private fallbackTimer: ReturnType<typeof setTimeout> | null = null;
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private replacedTimer: ReturnType<typeof setTimeout> | null = null;
  private lastRun = Number.NEGATIVE_INFINITY;
  private lastUrl = '';
  private lastKey: string | null = null;
  /** Current wait between passes: grows while passes change nothing, back to the minimum on real change. */
  private interval: number;
  /** When the pending pass is due (epoch ms), to bring it forward on a strong change. */
  private dueAt = 0;
  /** The pending pass was asked for by a strong reason (a storm starting does not drop it). */
  private pendingStrong = false;
  private readonly meter: StormMeter;
  private storm: { poll: ReturnType<typeof setInterval>; rest: ReturnType<typeof setTimeout> } | null = null;
  private readonly passes: PassRunner;
  /**
   * The open shadow roots the detector walked into: a change inside one reaches no observer of the document, so
   * the same observer watches each of them too.
   */
  private readonly shadowRoots = new Set<ShadowRoot>();

  constructor(options: PageWatcherOptions) {
    this.opts = { ...WATCHER_DEFAULTS, ...options };
    this.interval = this.opts.minIntervalMs;
    this.passes = passRunner(this.opts.classify, this.opts.classifySliced);
    this.meter = new StormMeter(this.opts.stormCallbacksPerSecond, this.opts.stormWindowMs, this.opts.stormRestMs);
  }

  /** The open shadow roots observed with the page (those still in it). */
  get shadowRootsWatched(): readonly ShadowRoot[] {
    return [...this.shadowRoots].filter((root) => root.host.isConnected);
  }

  /** Whether a mutation storm has switched the observer off for now (the page is polled slowly instead). */
  get storming(): boolean {
    return this.storm !== null;
  }

  start(): void {
    if (this.started || this.destroyed) return;
    this.started = true;
    const { doc } = this.opts;
    const root = doc.body ?? doc.documentElement;
    this.observedRoot = root;
    const view = doc.defaultView;
    if (root && view?.MutationObserver) this.observer = new view.MutationObserver(this.onMutations);
    this.observe();
    // Captured on the document: the portal's keypad sets values and dispatches these without key events.
    doc.addEventListener('input', this.onEvent, true);
    doc.addEventListener('change', this.onEvent, true);
    view?.addEventListener('popstate', this.onEvent);
    view?.addEventListener('hashchange', this.onEvent);
    this.pollTimer = setInterval(this.pollUrl, this.opts.urlPollMs);
    this.run();
  }

  stop(): void {
    if (!this.started) return;
    this.started = false;
    const { doc } = this.opts;
    const view = doc.defaultView;
    this.observer?.disconnect();
    this.observer = null;
    this.shadowRoots.clear();
    this.endStorm();
    doc.removeEventListener('input', this.onEvent, true);
    doc.removeEventListener('change', this.onEvent, true);
    view?.removeEventListener('popstate', this.onEvent);
    view?.removeEventListener('hashchange', this.onEvent);
    if (this.pollTimer !== null) clearInterval(this.pollTimer);
    this.pollTimer = null;
    this.cancelPending();
    this.passes.cancel();
    // A restart reports the page afresh.
    this.lastKey = null;
    this.dirty = false;
    this.interval = this.opts.minIntervalMs;
  }

  private observe(): void {
    const root = this.observedRoot;
    if (!this.observer || !root) return;
    this.observer.observe(root, OBSERVED);
    // The same observer, one level only: the document's own children change only when it is rewritten.
    this.observer.observe(this.opts.doc, { childList: true });
    for (const shadow of this.shadowRoots) this.observer.observe(shadow, OBSERVED);
  }

  /** A shadow root the detector walked into: observed from now on, with the page (until the watcher stops). */
  private readonly watchShadowRoot = (shadow: ShadowRoot): void => {
    if (!this.started || this.shadowRoots.has(shadow)) return;
    if (this.shadowRoots.size >= MAX_SHADOW_ROOTS) {
      for (const known of this.shadowRoots) if (!known.host.isConnected) this.shadowRoots.delete(known);
      if (this.shadowRoots.size >= MAX_SHADOW_ROOTS) return;
    }
    this.shadowRoots.add(shadow);
    if (!this.storm) this.observer?.observe(shadow, OBSERVED);
  };

  destroy(): void {
    this.stop();
    if (this.replacedTimer !== null) clearTimeout(this.replacedTimer);
    this.replacedTimer = null;
    this.destroyed = true;
  }

  /** Whether the watcher is currently started. */
  get running(): boolean {
    return this.started;
  }

  private readonly onMutations = (records: MutationRecord[]): void => {
    // One flag read per callback, however many records a busy page produces.
    if (this.observedRoot && !this.observedRoot.isConnected) return this.documentReplaced();
    const busy = this.countStorm();
    if (this.storm) return;
    // A pass is already due about as soon as any change could make it: nothing to triage.
    if (this.dirty && this.dueAt - Date.now() <= this.opts.minIntervalMs) return;
    // A window already past the storm rate: a pass is planned, the records are not read one by one.
    if (busy) return this.schedule(false);
    const worth = triage(records);
    if (worth === 'strong') this.schedule(true);
    else if (worth === 'weak') this.schedule(false);
  };

  private documentReplaced(): void {
    // Let the page finish writing its new document, then hand over to the owner.
    this.stop();
    this.replacedTimer = setTimeout(() => {
      this.replacedTimer = null;
      if (!this.destroyed) this.opts.onDocumentReplaced();
    }, 0);
  }

  /** Counts this callback (storm-meter.ts); starts a storm after two busy windows. True while the window is busy. */
  private countStorm(): boolean {
    const reading = this.meter.count(Date.now());
    if (reading === 'storm') this.startStorm();
    return reading !== 'calm';
  }

  private startStorm(): void {
    if (this.storm) return;
    this.observer?.disconnect();
    // A pass planned for the weak changes that were this storm's start would only read the storm: the slow poll
    // looks instead. One planned for a strong reason (a form, a message, input) still runs.
    if (this.dirty && !this.pendingStrong) {
      this.cancelPending();
      this.dirty = false;
    }
    this.storm = {
      poll: setInterval(() => {
        if (this.observedRoot && !this.observedRoot.isConnected) return this.documentReplaced();
        this.schedule(false);
      }, this.opts.stormPollMs),
      rest: setTimeout(() => {
        this.endStorm();
        // Listen again; if it still storms, the next two windows say so.
        if (this.started) this.observe();
      }, this.meter.rest(Date.now())),
    };
  }

  private endStorm(): void {
    if (!this.storm) return;
    clearInterval(this.storm.poll);
    clearTimeout(this.storm.rest);
    this.storm = null;
    this.meter.ended(Date.now());
  }

  private readonly onEvent = (): void => {
    this.schedule(true);
  };

  private readonly pollUrl = (): void => {
    if (this.readUrl() !== this.lastUrl) this.schedule(true);
  };

  /**
   * Plans one pass. A strong reason (input, a URL change, a form or message region changing) resets the
   * back-off and brings a pass planned further out forward; a weak one waits out the current back-off.
   */
  private schedule(strong: boolean): void {
    if (!this.started) return;
    this.passes.supersede();
    if (strong) this.interval = this.opts.minIntervalMs;
    const backoff = Math.max(0, this.lastRun + this.interval - Date.now());
    // A weak change waits long enough for a storm to be told apart (the storm poll itself is not delayed).
    const wait = strong || this.storm ? backoff : Math.max(backoff, this.opts.weakDelayMs);
    if (this.dirty) {
      if (!strong || this.throttleTimer === null || Date.now() + wait >= this.dueAt) return;
      clearTimeout(this.throttleTimer);
    }
    this.dirty = true;
    this.pendingStrong = this.pendingStrong || strong;
    this.dueAt = Date.now() + wait;
    this.throttleTimer = setTimeout(() => {
      this.throttleTimer = null;
      this.whenIdle();
    }, wait);
  }

  private whenIdle(): void {
    const view = this.opts.doc.defaultView as IdleWindow | null;
    if (view?.requestIdleCallback) {
      this.idleHandle = view.requestIdleCallback(this.runScheduled, { timeout: this.opts.idleTimeoutMs });
    } else {
      this.fallbackTimer = setTimeout(this.runScheduled, 16);
    }
  }

  private readonly runScheduled = (): void => {
    this.idleHandle = null;
    this.fallbackTimer = null;
    if (!this.started) return;
    this.dirty = false;
    this.pendingStrong = false;
    this.run();
  };

  private cancelPending(): void {
    if (this.throttleTimer !== null) clearTimeout(this.throttleTimer);
    if (this.fallbackTimer !== null) clearTimeout(this.fallbackTimer);
    const view = this.opts.doc.defaultView as IdleWindow | null;
    if (this.idleHandle !== null) view?.cancelIdleCallback?.(this.idleHandle);
    this.throttleTimer = null;
    this.fallbackTimer = null;
    this.idleHandle = null;
    this.pendingStrong = false;
  }

  private readUrl(): string {
    try {
      return this.opts.getUrl();
    } catch {
      return '';
    }
  }

  private run(): void {
    this.lastRun = Date.now();
    const url = this.readUrl();
    this.lastUrl = url;
    this.passes.run(this.opts.doc, url, this.report, this.watchShadowRoot);
  }

  private readonly report = (detection: Detection): void => {
    const key = JSON.stringify([detection.step, detection.flow, detection.alerts, detection.candidates?.map((c) => c.step) ?? null]);
    if (key === this.lastKey) {
      // Nothing new: the page is busy with something else. Look less often until something real changes.
      this.interval = Math.min(this.interval * 2, this.opts.maxBackoffMs);
      return;
    }
    this.interval = this.opts.minIntervalMs;
    this.lastKey = key;
    this.opts.onChange(detection);
  };
}
