/**
 * Re-runs the step detector while the page changes under PrimeFaces AJAX, on-screen keypads and history
 * navigation, at a bounded cost. Bitwarden-style lifecycle: the constructor does nothing, start/stop are
 * idempotent, destroy removes every observer, listener and timer for good.
 */
import type { Detection } from '../detect/vocabulary';
import { HOST_SELECTOR } from '../page/marker';

export interface PageWatcherOptions {
  doc: Document;
  getUrl: () => string;
  classify: (doc: Document, url: string) => Detection;
  onChange: (detection: Detection) => void;
  /**
   * The page replaced its whole document (`document.open()`, as the portal does for some AJAX replies). That
   * erases every listener on the document and detaches whatever we had appended, so the owner starts afresh.
   */
  onDocumentReplaced?: () => void;
  /** Minimum time between two passes, however busy the page is (ms). */
  minIntervalMs?: number;
  /** Longest an idle callback may wait before it runs anyway (ms). */
  idleTimeoutMs?: number;
  /** URL polling period: pushState fires no event (ms). */
  urlPollMs?: number;
}

const OBSERVED_ATTRIBUTES = ['hidden', 'style', 'class', 'aria-hidden', 'disabled', 'type'];
/** Records looked at per callback before the page is simply assumed changed. */
const MAX_RECORDS_CHECKED = 50;

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

  constructor(options: PageWatcherOptions) {
    this.opts = { minIntervalMs: 100, idleTimeoutMs: 150, urlPollMs: 500, onDocumentReplaced: () => undefined, ...options };
  }

  start(): void {
    if (this.started || this.destroyed) return;
    this.started = true;
    const { doc } = this.opts;
    const root = doc.body ?? doc.documentElement;
    this.observedRoot = root;
    const view = doc.defaultView;
    if (root && view?.MutationObserver) {
      this.observer = new view.MutationObserver(this.onMutations);
      this.observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: OBSERVED_ATTRIBUTES });
      // The same observer, one level only: the document's own children change only when it is rewritten.
      this.observer.observe(doc, { childList: true });
    }
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
    doc.removeEventListener('input', this.onEvent, true);
    doc.removeEventListener('change', this.onEvent, true);
    view?.removeEventListener('popstate', this.onEvent);
    view?.removeEventListener('hashchange', this.onEvent);
    if (this.pollTimer !== null) clearInterval(this.pollTimer);
    this.pollTimer = null;
    this.cancelPending();
    // A restart reports the page afresh.
    this.lastKey = null;
    this.dirty = false;
  }

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
    if (this.observedRoot && !this.observedRoot.isConnected) {
      // Let the page finish writing its new document, then hand over to the owner.
      this.stop();
      this.replacedTimer = setTimeout(() => {
        this.replacedTimer = null;
        if (!this.destroyed) this.opts.onDocumentReplaced();
      }, 0);
      return;
    }
    // Already scheduled: nothing else to do, however many mutations arrive.
    if (this.dirty) return;
    const n = Math.min(records.length, MAX_RECORDS_CHECKED);
    let relevant = records.length > MAX_RECORDS_CHECKED;
    for (let i = 0; i < n && !relevant; i++) {
      const target = records[i]?.target;
      const el = target && (target.nodeType === 1 ? (target as Element) : target.parentElement);
      // Our own overlay host changing is not the page changing.
      if (!el || !el.closest(HOST_SELECTOR)) relevant = true;
    }
    if (relevant) this.schedule();
  };

  private readonly onEvent = (): void => {
    this.schedule();
  };

  private readonly pollUrl = (): void => {
    if (this.readUrl() !== this.lastUrl) this.schedule();
  };

  private schedule(): void {
    if (!this.started || this.dirty) return;
    this.dirty = true;
    // At most one pass per minIntervalMs window; then wait for idle time, but never longer than idleTimeoutMs.
    const wait = Math.max(0, this.lastRun + this.opts.minIntervalMs - Date.now());
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
    let detection: Detection;
    try {
      detection = this.opts.classify(this.opts.doc, url);
    } catch {
      // A detector failure must never break the page; the next change tries again.
      return;
    }
    const key = JSON.stringify([detection.step, detection.flow, detection.alerts, detection.candidates?.map((c) => c.step) ?? null]);
    if (key === this.lastKey) return;
    this.lastKey = key;
    this.opts.onChange(detection);
  }
}
