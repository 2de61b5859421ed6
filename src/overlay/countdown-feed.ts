/**
 * The overlay's view of the link countdown: it reads the background's deadline from the store (every IESS tab
 * reads the same item, so all show the same time), keeps its OWN one-second timer aligned to the clock's
 * seconds, and hands each reading to the small components that show it (CountdownChip, EmailWaitAdvice), so
 * the ticking re-renders only them, never the whole overlay. It speaks through the overlay's one live region
 * at the start, 2:00, 1:00, 0:30 and expiry, once each per window; and while the clock runs it pings the
 * background, which then keeps the toolbar badge in step.
 */
import { ANNOUNCEMENT_MESSAGES, crossedThresholds, startAnnouncementMinutes, type Announcement } from '../flow/countdown';
import { msToNextSecond, viewDeadline, type DeadlineView } from '../flow/deadline-view';
import { t } from '../i18n/t';
import { now as systemNow } from '../platform/now';
import { currentDeadline, type DeadlineEntry, type Deadlines } from '../storage/deadlines';

export interface CountdownSource {
  load(): Promise<Deadlines>;
  subscribe(listener: (deadlines: Deadlines) => void): () => void;
  /** Tells the background a view shows a running clock (it then drives the badge each second). */
  ping(): void;
  /** No running clock is shown any more. */
  release(): void;
}

export interface FeedClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface FeedReading {
  entry: DeadlineEntry | null;
  view: DeadlineView | null;
  now: number;
  minimised: boolean;
}

const systemClock: FeedClock = {
  now: () => systemNow(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** While only the email-wait advice can change (no clock shown), look again this often. */
const SLOW_TICK_MS = 15_000;

export class CountdownFeed {
  private entry: DeadlineEntry | null = null;
  private loaded = false;
  private reading: FeedReading = { entry: null, view: null, now: 0, minimised: false };
  private readonly listeners = new Set<(reading: FeedReading) => void>();
  private timer: unknown = null;
  private unsubscribe: (() => void) | null = null;
  private destroyed = false;
  /** The window whose announcements are being tracked, and its last reading. */
  private window: { requestedAt: number; prev: number | null; spoken: Set<Announcement> } | null = null;
  private minimised = false;

  constructor(
    private readonly source: CountdownSource,
    private readonly say: (text: string) => void,
    private readonly clock: FeedClock = systemClock,
  ) {}

  get current(): FeedReading {
    return this.reading;
  }

  start(): void {
    if (this.unsubscribe || this.destroyed) return;
    this.unsubscribe = this.source.subscribe((d) => this.onDeadlines(d));
    this.source.load().then(
      (d) => {
        if (!this.loaded) this.onDeadlines(d);
      },
      () => undefined,
    );
  }

  subscribe(listener: (reading: FeedReading) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setMinimised(minimised: boolean): void {
    this.minimised = minimised;
    this.tick();
  }

  /** Reads the clock now (also on visibilitychange: hidden tabs throttle timers, absolute time does not drift). */
  tick(): void {
    if (this.destroyed) return;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    const now = this.clock.now();
    const entry = this.entry;
    const view = entry ? viewDeadline(entry, now) : null;
    if (entry && view) this.speak(entry, view);
    this.reading = { entry, view, now, minimised: this.minimised };
    for (const listener of [...this.listeners]) listener(this.reading);
    if (!entry || !view) {
      this.source.release();
      return;
    }
    const running = view.showTimer && view.remainingMs > 0;
    if (running) this.source.ping();
    else this.source.release();
    // Aligned to the display's seconds while the clock runs; slowly while only the advice can change.
    const delay = running ? msToNextSecond(view.remainingMs) + 5 : view.wait.waiting || view.showTimer ? SLOW_TICK_MS : null;
    if (delay !== null) this.timer = this.clock.setTimeout(() => this.tick(), delay);
  }

  destroy(): void {
    this.destroyed = true;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.listeners.clear();
    this.source.release();
  }

  private onDeadlines(deadlines: Deadlines): void {
    if (this.destroyed) return;
    const first = !this.loaded;
    this.loaded = true;
    const entry = currentDeadline(deadlines);
    const isNew = entry !== null && entry.requestedAt !== this.window?.requestedAt;
    if (entry && isNew) {
      // A window seen for the first time while mounted has just started: say so. One that already existed when
      // the page loaded (a reload, a second tab) starts silently from its current reading.
      const now = this.clock.now();
      const left = viewDeadline(entry, now).remainingMs;
      this.window = { requestedAt: entry.requestedAt, prev: first ? left : null, spoken: new Set() };
    }
    if (!entry) this.window = null;
    this.entry = entry;
    this.tick();
  }

  /** Each announcement once per window; a jump over several speaks only the latest. */
  private speak(entry: DeadlineEntry, view: DeadlineView): void {
    const window = this.window;
    if (!window || window.requestedAt !== entry.requestedAt) return;
    const crossed = crossedThresholds(window.prev, view.remainingMs).filter((id) => !window.spoken.has(id));
    window.prev = view.remainingMs;
    for (const id of crossed) window.spoken.add(id);
    if (view.linkUsed || crossed.length === 0) return;
    const latest = crossed[crossed.length - 1]!;
    // "Start" and an immediate expiry both crossed (a window started already over): the expiry is what matters.
    const key = ANNOUNCEMENT_MESSAGES[latest];
    this.say(latest === 'start' ? t(key, startAnnouncementMinutes(entry.validityMs)) : t(key));
  }
}
