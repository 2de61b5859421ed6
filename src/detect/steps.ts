/**
 * A detector pass that can pause: a generator that yields, every `STEP_NODES` nodes or so, how many nodes it
 * went through since it last paused, and returns its answer. Its explicit stacks live in the generator, so a
 * caller may run it in one go (`drain`: tests, the QA tools) or a slice at a time between frames
 * (src/content/sliced-pass.ts).
 */
export type Steps<T> = Generator<number, T, void>;

/** Nodes between two pauses: small enough that a pause comes well inside a few milliseconds. */
export const STEP_NODES = 64;

/** Runs a pass to its end at once. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
