/**
 * The overlay's start asks for several things at once (settings, the person's label, the side area, the ticks),
 * and they come back within a few ms of each other. Rendering after each one lays the page out again each time;
 * this gathers them: each answer is applied as it comes, and one render follows when all have answered, or
 * `capMs` (50 ms by default) after `ready()` turns true (the settings, which alone make the overlay visible)
 * if one is slow. An answer after that is applied and rendered on its own (`late`). No DOM, no extension API.
 */
export interface StartReads {
  answer(apply: () => void): void;
  /** Drops the cap's timer (the overlay is destroyed). */
  cancel(): void;
}

export function gatherStartReads(
  expected: number,
  hooks: { ready: () => boolean; flush: () => void; late: (apply: () => void) => void },
  capMs = 50,
): StartReads {
  let open = true;
  let answered = 0;
  let cap: ReturnType<typeof setTimeout> | null = null;
  const cancel = (): void => {
    open = false;
    if (cap !== null) clearTimeout(cap);
    cap = null;
  };
  const close = (): void => {
    if (!open) return;
    cancel();
    hooks.flush();
  };
  return {
    answer(apply) {
      if (!open) return hooks.late(apply);
      apply();
      answered++;
      if (answered >= expected) close();
      else if (cap === null && hooks.ready()) cap = setTimeout(close, capMs);
    },
    cancel,
  };
}
