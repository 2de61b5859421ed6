/**
 * A detector pass run a slice at a time (issue 19): each slice walks until `SLICE_MS` have passed, checked at
 * the pass's pauses (every STEP_NODES nodes, src/detect/steps.ts), then gives the page back until the next idle
 * callback (or, where there is none, the next task). The walk's stacks wait in the pass between slices, and the
 * answer comes from the whole page. A cancelled pass never reports.
 */
import type { Steps } from '../detect/steps';
import type { Detection } from '../detect/vocabulary';

/** Longest a slice walks before it gives the page back (ms): well inside one 16 ms frame. */
export const SLICE_MS = 4;
/** Longest a slice waits for an idle moment on a busy page (ms). */
const IDLE_TIMEOUT_MS = 50;

export interface SliceClock {
  now(): number;
  /** Runs `slice` later; returns how to cancel that. */
  later(slice: () => void): () => void;
}

/**
 * Runs the first slice at once. Returns null when the pass ended in it (`done` has been called), else how to
 * cancel the rest. A pass that throws ends without an answer: a detector failure never breaks the page.
 */
export function runSliced<T>(steps: Steps<T>, done: (answer: T) => void, clock: SliceClock, sliceMs = SLICE_MS): (() => void) | null {
  let cancelLater: (() => void) | null = null;
  const slice = (): boolean => {
    const end = clock.now() + sliceMs;
    try {
      for (;;) {
        const r = steps.next();
        if (r.done) {
          done(r.value);
          return true;
        }
        if (clock.now() >= end) return false;
      }
    } catch {
      return true;
    }
  };
  const next = (): void => {
    cancelLater = slice() ? null : clock.later(next);
  };
  if (slice()) return null;
  cancelLater = clock.later(next);
  return () => {
    cancelLater?.();
    cancelLater = null;
  };
}

type IdleView = Window & {
  requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number;
  cancelIdleCallback?: (id: number) => void;
};

/** The page's clock: idle callbacks where the browser has them, else a zero-delay timer. */
export function idleClock(view: Window | null): SliceClock {
  const idle = view as IdleView | null;
  return {
    now: () => performance.now(),
    later: (slice) => {
      if (idle?.requestIdleCallback) {
        const id = idle.requestIdleCallback(slice, { timeout: IDLE_TIMEOUT_MS });
        return () => idle.cancelIdleCallback?.(id);
      }
      const timer = setTimeout(slice, 0);
      return () => clearTimeout(timer);
    },
  };
}

/** The detector a slice at a time: `done` gets the whole page's answer; returns how to cancel, or null when done. */
export type SlicedClassify = (doc: Document, url: string, done: (detection: Detection) => void) => (() => void) | null;

/** Sliced passes cancelled in a row after which the next runs in one go. */
const MAX_SUPERSEDED = 3;

/**
 * The page watcher's passes. With a sliced detector, one pass walks at a time; a change to the page cancels a
 * pass still walking (its answer may be stale: it is never reported) and the watcher plans a fresh one. After
 * `MAX_SUPERSEDED` cancelled in a row, a pass runs in one go, so that a page that keeps changing still gets an
 * answer. A detector failure never breaks the page: the pass ends without an answer.
 */
export class PassRunner {
  private cancelWalk: (() => void) | null = null;
  private superseded = 0;

  constructor(
    private readonly whole: (doc: Document, url: string) => Detection,
    private readonly sliced: SlicedClassify | null,
  ) {}

  run(doc: Document, url: string, report: (detection: Detection) => void): void {
    this.cancel();
    try {
      if (this.sliced && this.superseded < MAX_SUPERSEDED) {
        this.cancelWalk = this.sliced(doc, url, (detection) => {
          this.cancelWalk = null;
          this.superseded = 0;
          report(detection);
        });
        return;
      }
      this.superseded = 0;
      report(this.whole(doc, url));
    } catch {
      // The next change tries again.
    }
  }

  /** The page changed: a pass still walking is dropped. */
  supersede(): void {
    if (this.cancel()) this.superseded++;
  }

  /** Drops a pass still walking; true when there was one. */
  cancel(): boolean {
    const cancel = this.cancelWalk;
    this.cancelWalk = null;
    cancel?.();
    return cancel !== null;
  }
}
