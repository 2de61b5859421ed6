/**
 * The page watcher's storm arithmetic, without timers or DOM: mutation callbacks are counted per window (a
 * tenth of a second by default). A page that mutates faster than the limit for two windows running is a storm:
 * being subscribed to it costs more than it tells, so the watcher stops observing and polls slowly for a rest.
 * A storm found within a few seconds of the last one's end is the same storm: its rest doubles (up to 8×).
 */
export type StormReading = 'calm' | 'busy' | 'storm';

export class StormMeter {
  private windowStart = 0;
  private callbacks = 0;
  private stormyWindows = 0;
  private inARow = 0;
  private lastEnd = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly callbacksPerSecond: number,
    private readonly windowMs: number,
    private readonly restMs: number,
  ) {}

  /** One mutation callback at `now`: calm, busy (this window is past the limit) or a storm (two running). */
  count(now: number): StormReading {
    const limit = (this.callbacksPerSecond * this.windowMs) / 1000;
    if (now - this.windowStart >= this.windowMs) {
      // Only a busy window right before this one counts: after a gap, the windows in between were calm.
      const adjacent = now - this.windowStart < 2 * this.windowMs;
      this.stormyWindows = this.callbacks > limit && adjacent ? this.stormyWindows + 1 : 0;
      this.windowStart = now;
      this.callbacks = 0;
    }
    this.callbacks++;
    if (this.callbacks <= limit) return 'calm';
    return this.stormyWindows >= 1 ? 'storm' : 'busy';
  }

  /** A storm starts at `now`: how long to rest before observing again (ms). */
  rest(now: number): number {
    this.inARow = now - this.lastEnd < 3000 ? Math.min(this.inARow + 1, 3) : 0;
    return this.restMs * 2 ** this.inARow;
  }

  /** The storm ended at `now` (its rest is over, or the watcher stopped): count afresh. */
  ended(now: number): void {
    this.lastEnd = now;
    this.stormyWindows = 0;
    this.callbacks = 0;
    this.windowStart = now;
  }
}
