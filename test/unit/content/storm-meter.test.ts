import { describe, expect, it } from 'vitest';
import { StormMeter } from '../../../src/content/storm-meter';

/** `n` callbacks evenly spread from `from` over `ms`; the last reading. */
function feed(meter: StormMeter, from: number, ms: number, n: number): string[] {
  return Array.from({ length: n }, (_, i) => meter.count(from + (i * ms) / n));
}

describe('StormMeter', () => {
  it('is calm under the limit, busy past it in one window, a storm in the next busy window', () => {
    const meter = new StormMeter(60, 250, 10_000);
    expect(new Set(feed(meter, 1000, 250, 15))).toEqual(new Set(['calm']));
    // 16th callback within the same window: busy, not yet a storm.
    expect(meter.count(1249)).toBe('busy');
    const next = feed(meter, 1250, 250, 20);
    expect(next.slice(0, 15).every((r) => r === 'calm')).toBe(true);
    expect(next.at(-1)).toBe('storm');
  });

  it('needs the busy windows to follow each other', () => {
    const meter = new StormMeter(60, 250, 10_000);
    feed(meter, 1000, 250, 20);
    // A quiet gap of more than a window, then one busy window: busy, not a storm.
    expect(feed(meter, 2000, 250, 20).at(-1)).toBe('busy');
  });

  it('rests longer for a storm that resumes within three seconds of the last one, up to 8×', () => {
    const meter = new StormMeter(60, 250, 1000);
    expect(meter.rest(0)).toBe(1000);
    meter.ended(1000);
    expect(meter.rest(2000)).toBe(2000);
    meter.ended(4000);
    expect(meter.rest(4500)).toBe(4000);
    meter.ended(8500);
    expect(meter.rest(9000)).toBe(8000);
    meter.ended(17_000);
    expect(meter.rest(17_500)).toBe(8000);
    meter.ended(25_500);
    // A storm long after the last one: a first storm again.
    expect(meter.rest(60_000)).toBe(1000);
  });
});
