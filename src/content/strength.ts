/**
 * The new key's strength, content side. On the new-key step, the first character the person types asks the
 * background once for the estimator (`estimator:load`, an empty message), unless this world already holds it:
 * the page loads without parsing it, and it arrives while the person types. The background injects it into this
 * very world (src/background/estimator.ts), where `findEstimator` picks it up. Each change of the key waits for
 * a quiet moment, then the key and the person's words are passed to the estimator here, in the content script's
 * memory: the key is never stored, logged or sent. Until the estimator is there, or if it cannot be loaded, no
 * level is shown (the key rule and the personal-data checks do not depend on it). Leaving the step forgets the
 * key, the level and the reference to the estimator.
 */
import { findEstimator } from '../estimator/contract';
import { ask } from '../messages/replies';
import type { PlatformApi } from '../platform/api';
import { STRENGTH_LEVELS, type StrengthEstimator, type StrengthLevel } from '../validate';

/** Quiet time after the last change of the new key before its strength is estimated. */
export const STRENGTH_DEBOUNCE_MS = 300;

export interface KeyToEstimate {
  key: string;
  userInputs: readonly string[];
}

export class KeyStrength {
  private estimator: StrengthEstimator | null = null;
  private active = false;
  /** Bumped on every enter and leave: an answer for an earlier visit to the step is ignored. */
  private visit = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The estimator was asked for on this visit. */
  private requested = false;
  private lastKey = '';

  /**
   * read: the current key and the person's words, asked for when the estimate runs (not kept here);
   * onLevel: the new level, or null for none.
   */
  constructor(
    private readonly api: PlatformApi,
    private readonly read: () => KeyToEstimate,
    private readonly onLevel: (level: StrengthLevel | null) => void,
    private readonly world: object = globalThis,
  ) {}

  /** The page is on the step: use the estimator this world holds; it is asked for when the key is typed. */
  enter(): void {
    if (this.active) return;
    this.active = true;
    this.visit++;
    this.requested = false;
    this.estimator = findEstimator(this.world);
  }

  /** Asks for the estimator once per visit, the first time there is a key to estimate. */
  private request(): void {
    if (this.estimator || this.requested) return;
    this.requested = true;
    const visit = this.visit;
    void ask(this.api.runtime, { type: 'estimator:load' }).then((loaded) => {
      if (visit !== this.visit || !loaded) return;
      this.estimator = findEstimator(this.world);
      // The person may have typed while it loaded.
      if (this.lastKey !== '') this.schedule();
    });
  }

  /** The key field changed (or the person's data did): estimate after a quiet moment. */
  changed(key: string): void {
    if (!this.active || key === this.lastKey) return;
    this.lastKey = key;
    if (key === '') {
      this.clearTimer();
      this.onLevel(null);
      return;
    }
    this.request();
    this.schedule();
  }

  /** The person's data changed (it arrived after the key was typed): estimate the same key again. */
  again(): void {
    if (this.active && this.lastKey !== '') this.schedule();
  }

  /** The page left the step (or the guide went away): forget the key, the level and the estimator. */
  leave(): void {
    this.visit++;
    this.active = false;
    this.estimator = null;
    this.lastKey = '';
    this.clearTimer();
  }

  private schedule(): void {
    this.clearTimer();
    if (!this.estimator) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const { key, userInputs } = this.read();
      if (!this.active || !this.estimator || key === '') return;
      let level: StrengthLevel | null = null;
      try {
        const answer = this.estimator(key, userInputs);
        level = STRENGTH_LEVELS.includes(answer) ? answer : null;
      } catch {
        // An estimator that throws shows no level; it never breaks the other checks.
      }
      this.onLevel(level);
    }, STRENGTH_DEBOUNCE_MS);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
