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
  let cancel: (() => void) | null = null;
  // True when the pass has ended (answered or failed).
  const slice = (): boolean => {
    const end = clock.now() + sliceMs;
    try {
      for (let r = steps.next(); ; r = steps.next()) {
        if (r.done) return done(r.value), true;
        if (clock.now() >= end) return false;
      }
    } catch {
      return true;
    }
  };
  const next = (): void => {
    cancel = slice() ? null : clock.later(next);
  };
  next();
  return cancel && (() => cancel?.());
}

/** The page's clock: idle callbacks where the browser has them (both targets), else a zero-delay timer. */
export function idleClock(view: Window | null): SliceClock {
  const idle = view as (Window & { requestIdleCallback?: typeof requestIdleCallback }) | null;
  return {
    now: () => performance.now(),
    later: (slice) => {
      if (idle?.requestIdleCallback) {
        const id = idle.requestIdleCallback(slice, { timeout: IDLE_TIMEOUT_MS });
        return () => idle.cancelIdleCallback(id);
      }
      const timer = setTimeout(slice, 0);
      return () => clearTimeout(timer);
    },
  };
}

/** The detector a slice at a time: `done` gets the whole page's answer; returns how to cancel, or null when done. */
export type SlicedClassify = (
  doc: Document,
  url: string,
  done: (detection: Detection) => void,
  onShadowRoot: (root: ShadowRoot) => void,
) => (() => void) | null;

/** Sliced passes cancelled in a row after which the next runs in one go. */
const MAX_SUPERSEDED = 3;

/** The page watcher's passes (see `passRunner`). */
export interface PassRunner {
  run(doc: Document, url: string, report: (detection: Detection) => void, onShadowRoot: (root: ShadowRoot) => void): void;
  /** The page changed: a pass still walking is dropped. */
  supersede(): void;
  /** Drops a pass still walking. */
  cancel(): void;
}

/**
 * With a sliced detector, one pass walks at a time; a change to the page cancels a pass still walking (its answer
 * may be stale: it is never reported) and the watcher plans a fresh one. After `MAX_SUPERSEDED` cancelled in a
 * row, a pass runs in one go, so that a page that keeps changing still gets an answer. A detector failure never
 * breaks the page: the pass ends without an answer.
 */
export function passRunner(
  whole: (doc: Document, url: string, onShadowRoot: (root: ShadowRoot) => void) => Detection,
  sliced: SlicedClassify | null,
): PassRunner {
  let walking: (() => void) | null = null;
  let superseded = 0;
  const cancel = (): boolean => {
    const c = walking;
    walking = null;
    c?.();
    return !!c;
  };
  return {
    run(doc, url, report, onShadowRoot) {
      cancel();
      try {
        if (sliced && superseded < MAX_SUPERSEDED) {
          walking = sliced(
            doc,
            url,
            (detection) => {
              walking = null;
              superseded = 0;
              report(detection);
            },
            onShadowRoot,
          );
        } else {
          superseded = 0;
          report(whole(doc, url, onShadowRoot));
        }
      } catch {
        // The next change tries again.
      }
    },
    supersede() {
      if (cancel()) superseded++;
    },
    cancel,
  };
}
