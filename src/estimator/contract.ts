/**
 * The one home of the strength estimator's names. The estimator (zxcvbn-ts and its dictionaries, ~1 MB) is built
 * as its own file, `ESTIMATOR_FILE`, which no manifest key lists: it is not web-accessible, so a page cannot
 * probe for it, and no page gets it by declaration. On the new-key step the content script asks the background
 * (`estimator:load`), which injects the file into that script's own isolated world; the file registers its
 * function under `Symbol.for(ESTIMATOR_KEY)` on that world's global, where the content script picks it up. The
 * page's world never sees it, and the key is only ever an argument to that function.
 */
import type { StrengthEstimator } from '../validate/strength';
import { findInWorld, presentInWorld, registerInWorld } from '../platform/world.ts';

/** Where the build writes the bundle, relative to the extension root (what `scripting.executeScript` names). */
export const ESTIMATOR_FILE = 'estimator.js';
/** The bundle's entry, for the build. */
export const ESTIMATOR_ENTRY = 'src/estimator/index.ts';
/** `Symbol.for` key of the estimator on the isolated world's global. */
export const ESTIMATOR_KEY = 'claveguia.estimator';

/** The estimator registered on this world's global, if the bundle ran here. */
export function findEstimator(world: object = globalThis): StrengthEstimator | null {
  return findInWorld<StrengthEstimator>(ESTIMATOR_KEY, world);
}

/** What the bundle does when it runs: registers once per world (a second run changes nothing). */
export function registerEstimator(estimator: StrengthEstimator, world: object = globalThis): void {
  registerInWorld(ESTIMATOR_KEY, estimator, world);
}

/** Runs in the tab: whether the sender's world already holds the estimator (see platform/world.ts). */
export const estimatorPresent = presentInWorld;
