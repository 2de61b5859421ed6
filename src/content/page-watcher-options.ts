/**
 * The page watcher's options: what it watches and reports to, and its tunables (what each number means, and
 * its default, in one place).
 */
import type { Detection } from '../detect/vocabulary';
import type { SlicedClassify } from './sliced-pass';

export interface PageWatcherOptions {
  doc: Document;
  getUrl: () => string;
  /** `onShadowRoot`: the watcher's, told of each open shadow root the detector walks into, to observe it too. */
  classify: (doc: Document, url: string, onShadowRoot: (root: ShadowRoot) => void) => Detection;
  /** The same detector a slice at a time (sliced-pass.ts); without it, `classify` runs in one go. */
  classifySliced?: SlicedClassify | null;
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
  /** Longest wait between passes while the page keeps changing without changing the answer (ms). */
  maxBackoffMs?: number;
  /** Mutation callbacks per second that, two storm windows running, make a storm. */
  stormCallbacksPerSecond?: number;
  /** The window the callbacks are counted in (ms): two busy ones in a row make a storm. */
  stormWindowMs?: number;
  /**
   * Shortest wait before a pass for a weak change (ms): longer than two storm windows, so that when the change
   * was the start of a storm, the storm is found first and the pass is dropped (the storm's slow poll looks).
   */
  weakDelayMs?: number;
  /** While a storm lasts the observer is off and the page is classified this often (ms)… */
  stormPollMs?: number;
  /** …until the observer is tried again after this long (ms); doubled for a storm that resumes at once. */
  stormRestMs?: number;
}

/** The tunables' defaults (ms, and callbacks per second for the storm rate). */
export const WATCHER_DEFAULTS = {
  minIntervalMs: 100,
  idleTimeoutMs: 150,
  urlPollMs: 500,
  maxBackoffMs: 1600,
  stormCallbacksPerSecond: 60,
  stormWindowMs: 100,
  weakDelayMs: 250,
  stormPollMs: 2000,
  stormRestMs: 10_000,
  onDocumentReplaced: () => undefined,
  classifySliced: null,
} satisfies Partial<PageWatcherOptions>;
