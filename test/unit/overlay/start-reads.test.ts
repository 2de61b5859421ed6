import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gatherStartReads } from '../../../src/overlay/start-reads';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup(expected: number) {
  let ready = false;
  const flush = vi.fn();
  const late = vi.fn((apply: () => void) => apply());
  const reads = gatherStartReads(expected, { ready: () => ready, flush, late });
  return { reads, flush, late, setReady: () => (ready = true) };
}

describe("the overlay's start reads", () => {
  it('are applied as they come and rendered once, when the last one answers', () => {
    const { reads, flush } = setup(3);
    const applied: string[] = [];
    reads.answer(() => applied.push('ticks'));
    reads.answer(() => applied.push('settings'));
    expect(flush).not.toHaveBeenCalled();
    reads.answer(() => applied.push('side'));
    expect(applied).toEqual(['ticks', 'settings', 'side']);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('do not wait long for a slow one once the overlay could show: a late answer renders on its own', () => {
    const { reads, flush, late, setReady } = setup(3);
    reads.answer(() => undefined);
    vi.advanceTimersByTime(1000);
    // Not ready (no settings yet): nothing to show, so no cap is running.
    expect(flush).not.toHaveBeenCalled();
    setReady();
    reads.answer(() => undefined);
    vi.advanceTimersByTime(49);
    expect(flush).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(flush).toHaveBeenCalledTimes(1);
    const apply = vi.fn();
    reads.answer(apply);
    expect(late).toHaveBeenCalledWith(apply);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('leave no timer behind when cancelled', () => {
    const { reads, flush, setReady } = setup(2);
    setReady();
    reads.answer(() => undefined);
    expect(vi.getTimerCount()).toBe(1);
    reads.cancel();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(100);
    expect(flush).not.toHaveBeenCalled();
  });
});
